package io.originate.web;

import io.originate.signing.ConnectSignatures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a DocuSign Connect delivery by its HMAC signatures over the raw body: a delivery
 * whose signature does not verify is answered 401 and goes no further; one that verifies is passed
 * on with its body, as the sender {@code docusign-connect}.
 */
final class ConnectSignatureFilter extends OncePerRequestFilter {

    static final String SENDER = "docusign-connect";

    private final ConnectSignatures signatures;

    ConnectSignatureFilter(ConnectSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            Integer limit = BodySizeLimitFilter.tooLarge(e);
            if (limit == null) {
                throw e;
            }
            Problems.write(response, 413, "Payload too large", "The request body is larger than " + limit + " bytes");
            return;
        }
        List<String> presented = new ArrayList<>();
        for (int i = 1; i <= ConnectSignatures.MAX_HEADERS; i++) {
            String header = request.getHeader("X-DocuSign-Signature-" + i);
            if (header != null) {
                presented.add(header);
            }
        }
        if (!signatures.verified(body, presented)) {
            Problems.write(response, 401, "Unauthorized", "Missing or invalid X-DocuSign-Signature");
            return;
        }
        SecurityContextHolder.getContext()
                .setAuthentication(new PreAuthenticatedAuthenticationToken(
                        SENDER, null, AuthorityUtils.createAuthorityList("CONNECT")));
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** The request with its body, already read, to be read again. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
