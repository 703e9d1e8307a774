/** The assembly build screen: a bill of materials with first-expiry-first-out lot suggestions, preview and posting. */
package org.lotkeeper.web.screens.builds;
