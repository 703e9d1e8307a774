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
import org.openqa.selenium.ElementClickInterceptedException;
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
 *
 * <p>Every step waits for a condition of the page, never for a fixed time. A click waits until
 * the ajax request it started has updated the page. Typing waits for the table filter request
 * that the keys start. A click on a menu option or on a confirmation dialog's button waits until
 * the menu or dialog has finished opening. Some waits read internals of the PrimeFaces 15
 * client code, and their Javadoc names them.
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
        // ChromeDriver rejects a click whose point another element covers, such as the mask of a
        // dialog that is closing, without dispatching it, so the click can be tried again.
        this.wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
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

    /**
     * Types into an input and waits for the ajax request the keys start, if any. A column filter of
     * a data table sends its request a moment after the last key, so reading the table right
     * after typing would read the unfiltered rows while the update replaces them.
     */
    void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
        waitForAjax();
    }

    /** Chooses a file in the file input of a form, as a user does in the browser's file dialog. */
    void chooseFile(String formId, Path file) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form[id='" + formId + "'] input[type='file']")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Clicks an element and waits until the ajax request it starts has finished. A PrimeFaces
     * button queues its request while the click event runs, so the queue is no longer empty when
     * the click returns.
     */
    void click(String id) {
        clickWhenClickable(By.id(id));
        waitForAjax();
    }

    /**
     * Clicks the element when it is displayed and enabled, finding it again if an ajax update
     * replaced it and trying again while another element covers it.
     */
    private void clickWhenClickable(By locator) {
        wait.until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /**
     * Clicks a button that submits the whole page, not an ajax request, and waits until the
     * browser has replaced the page with the response. The old page stays complete until the
     * response arrives, so waiting for its ajax queue alone would let the next step read it.
     */
    void submit(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        clickWhenClickable(By.id(id));
        wait.until(ExpectedConditions.stalenessOf(page));
        waitForAjax();
    }

    /**
     * Clicks a button that opens a confirmation dialog, waits until the dialog has opened, then
     * clicks the dialog's Yes button and waits for the request it starts.
     */
    void clickConfirmed(String id, String yesButtonId) {
        click(id);
        waitForDialogAround(By.id(yesButtonId));
        clickWhenClickable(By.id(yesButtonId));
        waitForAjax();
    }

    /**
     * Waits until the PrimeFaces dialog with the given id has finished opening. A dialog is
     * displayed while its show effect still runs. PrimeFaces 15 moves the focus into it only
     * after the effect has ended, and for a dialog other than a confirmation dialog after a
     * further 50 ms timer. Keys typed into the dialog before that can go to the input that then
     * takes the focus.
     */
    void waitForDialog(String dialogId) {
        waitForDialogAround(By.id(dialogId));
    }

    /** Waits until the dialog that is or contains the located element has finished opening. */
    private void waitForDialogAround(By locator) {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "var dialog = jQuery(arguments[0]).closest('.ui-dialog');"
                        + " return dialog.length === 1 && dialog.is(':visible') && !dialog.is(':animated')"
                        + " && jQuery.contains(dialog[0], document.activeElement);",
                driver.findElement(locator))));
    }

    /**
     * Sets the value of a PrimeFaces select menu through the widget's own {@code selectValue}.
     * In PrimeFaces 15 that call fires no change event, so it starts no ajax request of the menu,
     * and the value reaches the server with the next submission of the form. Use {@link #pick} to
     * choose an option as a user does.
     */
    void choose(String menuId, String value) {
        ((JavascriptExecutor) driver).executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);",
                menuId, value);
        waitForAjax();
    }

    /**
     * Picks an option of a PrimeFaces select menu as a user does: clicks the menu, waits until its
     * panel has opened, clicks the option whose label starts with {@code labelStart} and waits for
     * the ajax request that the change starts.
     *
     * <p>The panel is displayed as soon as its show transition starts, but the PrimeFaces 15 menu
     * records the value to revert to only when the transition has ended. An option clicked before
     * that makes the menu's click handler fail with a TypeError, and the click is lost. The menu
     * sets {@code aria-expanded="true"} on its label at that same moment, so the pick waits for it.
     */
    void pick(String menuId, String labelStart) {
        By label = By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-label");
        By option = By.xpath("//*[@id='" + menuId + "_panel']"
                + "//li[contains(@class, 'ui-selectonemenu-item') and starts-with(@data-label, '" + labelStart + "')]");
        waitForAjax();
        clickWhenClickable(label);
        try {
            wait.until(driver -> "true".equals(driver.findElement(label).getAttribute("aria-expanded")));
            wait.until(driver -> displayed(option)).click();
            wait.until(driver -> labelStartsWith(label, labelStart));
        } catch (org.openqa.selenium.TimeoutException e) {
            savePageSource("pick-failed");
            throw new IllegalStateException("Picking '" + labelStart + "' in menu " + menuId
                    + " timed out. The page is saved as " + SCREENSHOTS.resolve("pick-failed.html"), e);
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

    /**
     * Waits until the page has loaded and PrimeFaces has no ajax request queued, running or
     * waiting to start. A request stays in {@code PrimeFaces.ajax.Queue} until its update and its
     * oncomplete script have run. A data table filter waits for its delay in
     * {@code PrimeFaces.debounce}, which PrimeFaces 15 keeps in {@code PrimeFaces.debounceTimer}
     * until the call runs and queues the request.
     */
    void waitForAjax() {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.readyState === 'complete'"
                        + " && (typeof PrimeFaces === 'undefined'"
                        + " || (PrimeFaces.ajax.Queue.isEmpty() && !PrimeFaces.debounceTimer))")));
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
