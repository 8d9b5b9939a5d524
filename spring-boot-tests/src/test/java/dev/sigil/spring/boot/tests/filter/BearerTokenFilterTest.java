package dev.sigil.spring.boot.tests.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spring.boot.tests.Issuers;
import dev.sigil.spring.boot.tests.Tokens;
import dev.sigil.testkit.FakeIssuer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's servlet filter, with no Spring at all, in a real servlet container (embedded Tomcat
 * on 127.0.0.1) in front of one servlet, against an issuer on loopback.
 */
@Timeout(60)
class BearerTokenFilterTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path baseDir;

    private static FakeIssuer issuer;
    private static FakeIssuer downIssuer;
    private static JwtVerifier verifier;
    private static JwtVerifier downVerifier;
    private static Tomcat tomcat;
    private static String base;

    /** What the application behind the filter does: reads the verified token the filter left. */
    static final class SubjectServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            VerifiedJwt jwt = (VerifiedJwt) request.getAttribute(VerifiedJwt.class.getName());
            response.getWriter().write(jwt.claims().subject().orElse(""));
        }
    }

    @BeforeAll
    static void start() throws LifecycleException {
        issuer = Issuers.up();
        downIssuer = Issuers.down();
        verifier = JwtVerifier.builder().issuer(issuer.issuer()).audience(Tokens.AUDIENCE).build();
        downVerifier = JwtVerifier.builder().issuer(downIssuer.issuer()).audience(Tokens.AUDIENCE).build();

        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "subject", new SubjectServlet());
        context.addServletMappingDecoded("/subject", "subject");
        Tomcat.addServlet(context, "down", new SubjectServlet());
        context.addServletMappingDecoded("/down/subject", "down");
        filter(context, "bearer", new BearerTokenFilter(verifier), "/subject");
        filter(context, "bearer-down", new BearerTokenFilter(downVerifier), "/down/subject");
        tomcat.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    private static void filter(Context context, String name, BearerTokenFilter filter, String pattern) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        map.addURLPattern(pattern);
        context.addFilterMap(map);
    }

    @AfterAll
    static void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        verifier.close();
        downVerifier.close();
        issuer.close();
        downIssuer.close();
    }

    private static HttpResponse<String> call(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidTokenReachesTheServletWithTheVerifiedJwt() throws Exception {
        HttpResponse<String> response = call("/subject", "Bearer " + new Tokens(issuer.issuer()).valid());
        assertEquals(200, response.statusCode());
        assertEquals("alice", response.body());
    }

    @Test
    void theSchemeIsCaseInsensitive() throws Exception {
        assertEquals(200, call("/subject", "bearer " + new Tokens(issuer.issuer()).valid()).statusCode());
    }

    @Test
    void noTokenIs401WithoutAnErrorCode() throws Exception {
        HttpResponse<String> response = call("/subject", null);
        assertEquals(401, response.statusCode());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void anotherSchemeIs401WithoutAnErrorCode() throws Exception {
        HttpResponse<String> response = call("/subject", "Basic YWxpY2U6c2VjcmV0");
        assertEquals(401, response.statusCode());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void anExpiredTokenIs401InvalidTokenWithItsReason() throws Exception {
        assertInvalidToken(new Tokens(issuer.issuer()).expired(), "EXPIRED");
    }

    @Test
    void aTokenForAnotherAudienceIs401InvalidTokenWithItsReason() throws Exception {
        assertInvalidToken(new Tokens(issuer.issuer()).wrongAudience(), "AUDIENCE_MISMATCH");
    }

    @Test
    void aForgedTokenIs401InvalidTokenWithItsReason() throws Exception {
        assertInvalidToken(new Tokens(issuer.issuer()).forged(), "INVALID_SIGNATURE");
    }

    private static void assertInvalidToken(String token, String reason) throws Exception {
        HttpResponse<String> response = call("/subject", "Bearer " + token);
        assertEquals(401, response.statusCode());
        assertEquals("Bearer error=\"invalid_token\", error_description=\"" + reason + "\"",
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void issuerDownWithNoKeysIs503WithRetryAfter() throws Exception {
        HttpResponse<String> response = call("/down/subject", "Bearer " + new Tokens(downIssuer.issuer()).valid());
        assertEquals(503, response.statusCode());
        assertEquals("30", response.headers().firstValue("Retry-After").orElseThrow());
    }
}
