package org.lotkeeper.web.config;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.lotkeeper.core.plugins.PluginSync;

/**
 * Loads the installed plugin jars and starts the periodic check for plugin changes on other
 * servers when the web module starts, after the start-up EJB has migrated the schema. Both run
 * here, not in that EJB, because on Payara Micro 7 with the data grid on, tasks it scheduled ran
 * in its ended invocation and found their EntityManager closed. A read transaction started in it
 * also failed on the first admin that another server had created at the same moment.
 *
 * <p>NOTE: Payara Micro 7 started the EJB before this listener in every run seen. Should it not,
 * loading fails on the missing table and is logged, the periodic check loads the stored jars
 * later, and jars left in the plugins folder are imported only at the next start.
 */
@WebListener
public class PluginChecksStarter implements ServletContextListener {

    @Inject
    PluginSync sync;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        sync.start();
        sync.scheduleChecks();
    }
}
