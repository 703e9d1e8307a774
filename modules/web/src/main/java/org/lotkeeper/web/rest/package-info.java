/**
 * The REST API under {@code /api/v1}: JSON in and out, errors as {@code application/problem+json}
 * naming the field, the value and the rule.
 */
package org.lotkeeper.web.rest;
