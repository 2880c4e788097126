package dev.refer.emulators;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Needs python3 with moto installed, as every machine of this project has (see DESIGN.md section 5). */
class MotoServerTest {

    private static MotoServer moto;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @Test
    void start_answersOnLoopback() throws Exception {
        assertEquals("127.0.0.1", moto.endpoint().getHost());
        assertEquals(200, get(moto.endpoint().resolve("/moto-api/")).statusCode());
    }

    @Test
    void sentEmailsJson_andReset_work() {
        assertTrue(moto.sentEmailsJson().startsWith("{"));
        moto.reset();
        assertEquals("{}", moto.sentEmailsJson().strip());
    }

    @Test
    void close_stopsTheProcess() {
        MotoServer other = MotoServer.start();
        URI endpoint = other.endpoint();
        other.close();

        assertThrows(IOException.class, () -> get(endpoint.resolve("/moto-api/")));
    }

    @Test
    void start_whenMotoIsMissing_tellsHowToInstallIt() {
        MotoUnavailableException e = assertThrows(MotoUnavailableException.class,
                () -> MotoServer.start("no_such_moto_module", 1, Path.of("target", "moto-missing.log")));

        assertTrue(e.getMessage().endsWith("install Python 3 and `pip install \"moto[server]\"`"), e.getMessage());
        assertTrue(e.getMessage().contains("No module named"), e.getMessage());
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
