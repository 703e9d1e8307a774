package org.lotkeeper.web.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application as integration tests deploy it: the WAR the build produced, with every
 * built-in type, unchanged.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application() {
        File war = new File(System.getProperty("lotkeeper.war", "target/lotkeeper.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("The WAR " + war + " is missing; run the integration tests with mvn verify");
        }
        return ShrinkWrap.create(ZipImporter.class, "lotkeeper.war").importFrom(war).as(WebArchive.class);
    }
}
