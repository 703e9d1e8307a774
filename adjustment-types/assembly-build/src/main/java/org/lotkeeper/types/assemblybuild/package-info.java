/**
 * The assembly build type: the build order, the choice of component lots, and the output lines.
 */
package org.lotkeeper.types.assemblybuild;
