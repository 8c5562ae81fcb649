package io.originate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with 413, whether the size is declared up front or only
 * discovered while reading a chunked body. Each security filter chain puts one in front of its
 * surface with that surface's limit, so the limit follows the same normalised path as the rules.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    /** The limit of the applicant API, the webhooks and the signing pages. */
    public static final int API_LIMIT = 64 * 1024;

    private final int limit;

    public BodySizeLimitFilter(int limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            reject(response, limit);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (IOException | ServletException e) {
            Integer over = tooLarge(e);
            if (over == null) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                reject(response, over);
            }
        }
    }

    /** The limit that was exceeded, when this failure (or one of its causes) is a body over it. */
    public static Integer tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge over) {
                return over.limit;
            }
        }
        return null;
    }

    private static void reject(HttpServletResponse response, int limit) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
                        + "\"detail\":\"The request body is larger than " + limit + " bytes\"}");
    }

    static final class TooLarge extends IOException {
        private final int limit;

        TooLarge(int limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final int limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new TooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (read += n) > limit) {
                            throw new TooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
