package org.lotkeeper.web.it.screens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Selenium, for one test. It loads pages only from the test
 * server's address, waits for the PrimeFaces ajax queue to drain instead of sleeping, and saves
 * screenshots under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Path SCREENSHOTS = Path.of(System.getProperty("lotkeeper.screenshots", "target/screenshots"));

    private final URI base;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(URI base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("lotkeeper-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, TIMEOUT);
        // An ajax update replaces table rows while a condition reads them; read them again.
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Starts a browser for the application at {@code base}, which must end with a slash. */
    static Browser start(URI base) {
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalStateException("Browser tests load pages from the loopback test server only, not " + base);
        }
        try {
            return new Browser(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the application, such as {@code lots.xhtml}, and waits until it is ready. */
    void open(String page) {
        driver.get(base.resolve(page).toString());
        waitForAjax();
    }

    /** Signs in on the login page, which must be showing. */
    void signIn(String user, String password) {
        type("login:userName", user);
        type("login:password", password);
        submit("login:signIn");
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    WebElement element(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    /**
     * Returns the text of an element, found again if an ajax update or a page load replaced it
     * while it was read.
     */
    String text(String id) {
        return wait.until(driver -> driver.findElement(By.id(id)).getText()).strip();
    }

    void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    /** Chooses a file in the file input of a form, as a user does in the browser's file dialog. */
    void chooseFile(String formId, Path file) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form[id='" + formId + "'] input[type='file']")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** Clicks an element and waits until the ajax request it starts has finished. */
    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        waitForAjax();
    }

    /**
     * Clicks a button that submits the whole page, not an ajax request, and waits until the
     * browser has replaced the page with the answer. The old page stays complete until the answer
     * arrives, so waiting for its ajax queue alone would let the next step read the old page.
     */
    void submit(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        wait.until(ExpectedConditions.stalenessOf(page));
        waitForAjax();
    }

    /** Clicks a button that opens a confirmation dialog, then the dialog's Yes button. */
    void clickConfirmed(String id, String yesButtonId) {
        click(id);
        wait.until(ExpectedConditions.elementToBeClickable(By.id(yesButtonId))).click();
        waitForAjax();
    }

    /**
     * Picks an option of a PrimeFaces select menu by its value, through the widget's own
     * {@code selectValue}, which fires the change event as a click on the option does.
     */
    void choose(String menuId, String value) {
        ((JavascriptExecutor) driver).executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);",
                menuId, value);
        waitForAjax();
    }

    /**
     * Picks an option of a PrimeFaces select menu as a user does: clicks the menu, waits until its
     * panel shows the option whose label starts with {@code labelStart}, clicks that option and
     * waits for the ajax request that the change starts. A click that lands while the panel is
     * still opening can be lost, so the pick is repeated until the menu's label shows the option.
     */
    void pick(String menuId, String labelStart) {
        By label = By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-label");
        By option = By.xpath("//*[@id='" + menuId + "_panel']"
                + "//li[contains(@class, 'ui-selectonemenu-item') and starts-with(@data-label, '" + labelStart + "')]");
        WebDriverWait shortWait = new WebDriverWait(driver, Duration.ofSeconds(3));
        waitForAjax();
        for (int attempt = 1; !labelStartsWith(label, labelStart); attempt++) {
            if (attempt > 3) {
                savePageSource("pick-failed");
                throw new IllegalStateException("Menu " + menuId + " does not show '" + labelStart + "' after "
                        + (attempt - 1) + " picks");
            }
            if (displayed(option) == null) {
                wait.until(ExpectedConditions.elementToBeClickable(label)).click();
            }
            wait.until(driver -> displayed(option)).click();
            try {
                shortWait.until(driver -> labelStartsWith(label, labelStart));
            } catch (org.openqa.selenium.TimeoutException e) {
                // Picked again by the next round of the loop.
            }
        }
        waitForAjax();
    }

    /**
     * Returns the first displayed element that {@code locator} finds, or null. An ajax update can
     * leave the panel of a replaced menu in the page for a moment, with the same ids.
     */
    private WebElement displayed(By locator) {
        for (WebElement element : driver.findElements(locator)) {
            try {
                if (element.isDisplayed()) {
                    return element;
                }
            } catch (StaleElementReferenceException e) {
                // Removed by an ajax update while looking.
            }
        }
        return null;
    }

    private boolean labelStartsWith(By label, String text) {
        try {
            return driver.findElement(label).getText().startsWith(text);
        } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return false;
        }
    }

    /** Waits until {@code condition} holds, checking it every half second. */
    void waitUntil(java.util.function.BooleanSupplier condition) {
        wait.until(driver -> condition.getAsBoolean());
    }

    /** Saves the page's HTML as {@code target/screenshots/NAME.html}, to diagnose a failed wait. */
    void savePageSource(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the address contains {@code part}, after an action that navigates. */
    void waitForUrl(String part) {
        try {
            wait.until(ExpectedConditions.urlContains(part));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("wait-for-url-failed");
            savePageSource("wait-for-url-failed");
            throw e;
        }
        waitForAjax();
    }

    /** Waits until an element's text contains {@code part}. */
    void waitForText(String id, String part) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), part));
    }

    /** Waits until the page has loaded and PrimeFaces has no ajax request queued or running. */
    void waitForAjax() {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.readyState === 'complete'"
                        + " && (typeof PrimeFaces === 'undefined' || PrimeFaces.ajax.Queue.isEmpty())")));
    }

    /** Saves a screenshot of the whole window as {@code target/screenshots/NAME.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
