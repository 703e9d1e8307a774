/** The dashboard: stock value, expired and expiring stock, recent adjustments and open counts. */
package org.lotkeeper.web.screens.dashboard;
