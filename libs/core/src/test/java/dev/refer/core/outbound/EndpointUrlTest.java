package dev.refer.core.outbound;

import dev.refer.core.basics.validation.Invalid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where an endpoint may be, at registration, and which resolved addresses a delivery may reach. */
class EndpointUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://crm.example.com/hooks/refer", "https://hooks.example.com:8443/x?y=1",
            "https://8.8.8.8/hook", "https://[2001:4860:4860::8888]/hook"})
    void accepts_https_onPublicHosts(String url) {
        assertEquals(url, EndpointUrl.validate(url).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "http://crm.example.com/hook", "ftp://crm.example.com/", "//crm.example.com/x",
            "https://user:pw@crm.example.com/", "https://user@crm.example.com/", "https://crm.example.com/#frag",
            "https://localhost/hook", "https://LOCALHOST./hook", "https://a.localhost/", "https://metadata.internal/",
            "https://10.0.0.1/", "https://127.0.0.1/", "https://127.1/", "https://2130706433/", "https://0.0.0.0/",
            "https://169.254.169.254/latest/meta-data", "https://172.16.5.4/", "https://192.168.1.1/",
            "https://100.64.0.1/", "https://[::1]/", "https://[::]/", "https://[fc00::1]/", "https://[fd12:3456::1]/",
            "https://[fe80::1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:127.0.0.1]/",
            "https://999.1.1.1/", "https://crm.example.com/<script>", "https://crm.exämple.com/",
            "javascript:alert(1)", "https:///nohost", "https://crm.example.com/\u0000"})
    void refuses_everythingElse_namingTheField(String url) {
        Invalid invalid = assertThrows(Invalid.class, () -> EndpointUrl.validate(url));
        assertEquals("url", invalid.violations().getFirst().field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "127.0.0.1", "127.255.0.1", "169.254.169.254", "172.31.255.255",
            "192.168.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1",
            "fdff:ffff::1", "fe80::1", "::ffff:169.254.169.254", "2002:a00:1::", "64:ff9b::a9fe:a9fe", "fd00:ec2::254"})
    void privateAddresses_areNotPublic(String address) throws UnknownHostException {
        assertFalse(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2002:808:808::"})
    void publicAddresses_arePublic(String address) throws UnknownHostException {
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
    }
}
