/** Adjustment types that tests package as plugin jars and upload; never deployed with the application. */
package org.lotkeeper.web.it.uploads;
