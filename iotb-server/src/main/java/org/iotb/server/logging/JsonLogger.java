package org.iotb.server.logging;

import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One named SLF4J logger writing through {@link JsonLog}. */
final class JsonLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    JsonLogger(String name) {
        this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
        String message = MessageFormatter.basicArrayFormat(pattern, args);
        JsonLog.write(level, name, message, MDC.get("requestId"), t);
    }

    @Override
    public boolean isTraceEnabled() {
        return JsonLog.enabled(Level.TRACE, name);
    }

    @Override
    public boolean isDebugEnabled() {
        return JsonLog.enabled(Level.DEBUG, name);
    }

    @Override
    public boolean isInfoEnabled() {
        return JsonLog.enabled(Level.INFO, name);
    }

    @Override
    public boolean isWarnEnabled() {
        return JsonLog.enabled(Level.WARN, name);
    }

    @Override
    public boolean isErrorEnabled() {
        return JsonLog.enabled(Level.ERROR, name);
    }
}
