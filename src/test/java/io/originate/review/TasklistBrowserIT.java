package io.originate.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser (Debian's Chromium, headless), as a credit team uses it: an
 * underwriter signs in, finds the task through the "Unassigned in my groups" filter by its name
 * (masked applicant and amount), claims it, reads why it is here, approves, and the loan moves
 * on; a team lead who already cleared the fraud review of the same application is refused the
 * claim of its review by four eyes, in plain words, before any work. Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (packages
 * chromium and chromium-driver, which {@code .ci/run} installs); skipped, saying so, without them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    Api api;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No browser here: install Debian's chromium and chromium-driver (.ci/run does) to run this test");
        api = new Api(port);
    }

    /** A headless Chromium whose user reads this language (en-US, zh-CN). */
    private void browserIn(String language) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,2400",
                "--lang=" + language,
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() throws IOException {
        if (browser != null) {
            Path shots = Files.createDirectories(Path.of("target", "browser"));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), shots.resolve("last.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(shots.resolve("last.html"), browser.getPageSource());
            browser.quit();
        }
    }

    private void signIn(String user) throws IOException {
        if (browser == null) {
            browserIn("en-US");
        }
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("originate");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** The element, scrolled to the middle of the window (Tasklist's panes overlap the edges) and clickable. */
    private WebElement clickable(By by) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return wait.until(ExpectedConditions.elementToBeClickable(element));
    }

    private static By text(String text) {
        return By.xpath("//*[contains(normalize-space(.), \"" + text + "\") and not(*[contains(normalize-space(.), \""
                + text + "\")])]");
    }

    /** Signs in, opens the filter, finds the task by the name the list shows, and claims it. */
    private void openAndClaim(String user, String taskName) throws IOException {
        signIn(user);
        clickable(text("Unassigned in my groups")).click();
        clickable(text(taskName)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(text("Why it is here")));
        press(clickable(By.xpath("//button[contains(normalize-space(.), 'Claim')]")));
    }

    /** Chooses the answer and completes the task (pressed in the page: the footer may cover the form's end). */
    private void decide(String choice) {
        press(clickable(By.xpath("//label[contains(normalize-space(.), \"" + choice + "\")]")));
        press(clickable(By.xpath("//button[normalize-space(.)='Complete']")));
    }

    private void press(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }

    @Test
    void anUnderwriterFindsClaimsReadsAndApprovesAReferral() throws IOException {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant().withApplicant("employmentMonths", 3));
        api.post(a, "/otp/verify", Map.of("code", api.otpFor(a.mobile())));
        api.waitForStatus(a, s -> s.equals("REFERRED"));
        String name = api.waitFor(() -> {
            JsonNode t = api.staff("underwriter", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t.get(0).path("name").asText();
        });
        assertThat(name).matches("Review application · .\\* · 30,000\\.00");

        openAndClaim("underwriter", name);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space(.)='Complete']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(text("routes it to underwriters")));
        decide("Approve as asked");

        assertThat(api.waitForStatus(a, s -> s.matches("APPROVED|DECLINED"))
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
    }

    @Test
    void aTeamLeadWhoClearedTheFraudReviewIsRefusedTheReviewInPlainWordsBeforeWorkingOnIt() throws IOException {
        ApplicationTestData first = ApplicationTestData.aSalariedApplicant();
        Api.Submitted earlier = api.submit(first);
        api.post(earlier, "/otp/verify", Map.of("code", api.otpFor(first.mobile())));
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant()
                .withApplicant("mobile", first.mobile())
                .withApplicant("employmentMonths", 3)
                .withApplicant("nationalId", ApplicationTestData.nationalId("19920404")));
        api.post(a, "/otp/verify", Map.of("code", api.otpFor(first.mobile(), 2)));
        String fraudTask = api.waitFor(() -> {
            JsonNode t = api.staff("lead", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json();
            return t.isEmpty() ? null : t.get(0).path("id").asText();
        });
        assertThat(api.staffPost(
                                "lead",
                                "originate",
                                "/engine-rest/task/" + fraudTask + "/complete",
                                "{\"variables\":{\"fraudReview\":{\"value\":\"CLEARED\"}}}")
                        .status())
                .isEqualTo(204);
        String review = api.waitFor(() -> {
            for (JsonNode t : api.staff("lead", "originate", "/engine-rest/task?processInstanceBusinessKey=" + a.id())
                    .json()) {
                if (t.path("taskDefinitionKey").asText().equals("Task_ReviewApplication")) {
                    return t.path("name").asText();
                }
            }
            return null;
        });

        openAndClaim("lead", review);
        wait.until(ExpectedConditions.visibilityOfElementLocated(text("Four eyes")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(text("lead already decided on this application")));
        assertThat(api.get(a, "").json().path("status").asText()).isEqualTo("REFERRED");
    }

    @Test
    void aChineseBrowserGetsTasklistInChinese() throws IOException {
        browserIn("zh-CN");
        signIn("underwriter");
        wait.until(ExpectedConditions.visibilityOfElementLocated(text("技术支持")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//input[@placeholder='变量名']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(text("待领取")));
    }
}
