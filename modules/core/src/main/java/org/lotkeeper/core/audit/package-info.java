/** The audit trail: who did what, when, from where, including refusals. */
package org.lotkeeper.core.audit;
