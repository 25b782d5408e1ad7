package io.consentgate.container;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.api.Test;

/**
 * Proves which Tomcat the container tests ran on: Tomcat 11 in the default test run, Tomcat 10.1 in the build's
 * {@code tomcat-10.1} execution, which swaps the jar and sets {@code consentgate.tomcat.expected}.
 */
class TomcatVersionTest {

    @Test
    void runsOnTheTomcatThisTestRunPutOnTheClassPath() {
        String expected = System.getProperty("consentgate.tomcat.expected", "11.");
        String actual = ServerInfo.getServerNumber();
        assertTrue(actual.startsWith(expected), "expected Tomcat " + expected + "x, running on " + actual);
    }
}
