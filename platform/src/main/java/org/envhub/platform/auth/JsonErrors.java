package org.envhub.platform.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Writes the small JSON error bodies of the security layer (RFC 9457 problem details). */
final class JsonErrors {

    private JsonErrors() {}

    static void write(HttpServletResponse response, int status, String detail, String path) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            // Bearer, not Basic: a browser's fetch after the session expired must not pop up a password dialog.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"envhub\"");
        }
        String title = status == 401 ? "Unauthorized" : status == 403 ? "Forbidden" : "Error";
        response.getWriter().write("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + escape(detail)
                + "\",\"instance\":\"" + escape(path) + "\"}");
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
