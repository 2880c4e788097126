package dev.refer.local.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver} (or Chrome and its
 * driver, named by {@code CHROME_BIN} / {@code CHROMEDRIVER}), headless, with a desktop user agent (a headless
 * browser's own says so, and the redirect rightly takes it for a bot). The paths are given to Selenium, so it never
 * looks for a driver on the network.
 *
 * <p>Without a browser the tests cannot run: they are skipped with the reason (README: "Browser tests"), unless
 * {@code REFER_BROWSER_TESTS=required} (CI sets it after installing them), which makes a missing browser a failure.
 */
public final class Chromium {

    /** A current desktop Chrome on Linux. */
    public static final String DESKTOP_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

    private Chromium() {
    }

    public static ChromeDriver start() {
        return start(new String[0]);
    }

    /** @param extraArguments more of Chromium's switches (e.g. {@code --host-resolver-rules} for a site's names) */
    public static ChromeDriver start(String... extraArguments) {
        Optional<Path> browser = find("CHROME_BIN", List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"));
        Optional<Path> driver = find("CHROMEDRIVER", List.of("/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver", "/usr/local/bin/chromedriver"));
        String missing = "the browser tests need chromium and chromium-driver (Debian/Ubuntu: sudo apt-get install "
                + "chromium chromium-driver; or set CHROME_BIN and CHROMEDRIVER); found browser " + browser
                + ", driver " + driver;
        if (browser.isEmpty() || driver.isEmpty()) {
            if ("required".equals(System.getenv("REFER_BROWSER_TESTS"))) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1024", "--user-agent=" + DESKTOP_USER_AGENT, "--lang=en-US");
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Optional<Path> find(String variable, List<String> candidates) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .or(() -> onPath(variable.equals("CHROMEDRIVER") ? "chromedriver" : "chromium"));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
