/** What runs once when the application starts: schema migrations, the first admin, the type registry. */
package org.lotkeeper.core.startup;
