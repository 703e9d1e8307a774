/**
 * Test support for plugin authors: {@link org.lotkeeper.testkit.InMemoryStock} is a stock view
 * built in a few lines, {@link org.lotkeeper.testkit.Requests} builds requests, and
 * {@link org.lotkeeper.testkit.ProposalAssert} checks proposals against the rules the core
 * enforces at posting time.
 */
package org.lotkeeper.testkit;
