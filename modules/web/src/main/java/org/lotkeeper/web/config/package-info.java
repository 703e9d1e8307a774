/** Application-wide configuration: the data source and the declared roles. */
package org.lotkeeper.web.config;
