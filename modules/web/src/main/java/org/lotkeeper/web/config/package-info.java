/** Application-wide configuration: the data source and the security mechanism. */
package org.lotkeeper.web.config;
