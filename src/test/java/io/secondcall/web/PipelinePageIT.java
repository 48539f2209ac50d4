package io.secondcall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.secondcall.config.WebSettings;
import io.secondcall.demo.Demo;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pipeline page of the demo in headless Chromium (Debian's chromium and chromium-driver):
 * filters, search, stop and resume, and a chart of the report against its CSV. Writes a
 * screenshot to target/pipeline.png, and to docs/pipeline.png with {@code -Dscreenshot.docs=true}.
 */
class PipelinePageIT {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File DRIVER = new File("/usr/bin/chromedriver");

  @Test
  void theDemoPipelineInABrowser() throws Exception {
    boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
    // CI installs both (.ci/run): there, a missing browser is a failure, not a skip.
    assumeTrue(installed || "true".equals(System.getenv("CI")), "chromium and chromium-driver are not installed");
    new Demo(new PrintWriter(new StringWriter())).run(app -> {
      try (WebServer page = app.startWeb(new WebSettings("127.0.0.1", 0, null)).orElseThrow()) {
        WebDriver browser = chromium();
        try {
          browse(browser, page.uri());
        } finally {
          browser.quit();
        }
      }
    });
  }

  private static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1100,1500", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private void browse(WebDriver browser, URI base) throws Exception {
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.get(base.toString());
    List<WebElement> all = browser.findElements(By.cssSelector("article.conv"));
    assertThat(all).hasSizeGreaterThan(5);
    assertThat(count(browser, "all")).isEqualTo(all.size());
    screenshot(browser);

    // Filters: each shows what its count says, and only its kind.
    click(browser, By.id("filter-answered"));
    List<WebElement> answered = browser.findElements(By.cssSelector("article.conv"));
    assertThat(answered).isNotEmpty().hasSize(count(browser, "answered"))
        .allSatisfy(a -> assertThat(a.getAttribute("class")).contains("answered"));
    click(browser, By.id("filter-ended"));
    assertThat(browser.findElements(By.cssSelector("article.conv")))
        .allSatisfy(a -> assertThat(a.getAttribute("class")).contains("ended"));

    // Stop a waiting conversation from the page, see it stopped among the ended ones, resume it.
    click(browser, By.id("filter-waiting"));
    int waiting = count(browser, "waiting");
    WebElement first = browser.findElement(By.cssSelector("article.conv.waiting"));
    String id = first.getAttribute("data-id");
    String contact = first.findElement(By.cssSelector(".contact")).getText();
    click(browser, first.findElement(By.cssSelector("button.stop")));
    WebElement stopped = browser.findElement(By.id("c-" + id));
    assertThat(stopped.findElement(By.cssSelector(".badge")).getText()).isEqualTo("stopped");
    assertThat(stopped.findElement(By.cssSelector(".why")).getText()).startsWith("stopped by you");
    assertThat(count(browser, "waiting")).isEqualTo(waiting - 1);
    assertThat(app(browser, id).findElements(By.cssSelector("button.stop"))).isEmpty();
    click(browser, app(browser, id).findElement(By.cssSelector("button.resume")));
    assertThat(browser.findElement(By.id("c-" + id)).findElement(By.cssSelector(".badge")).getText())
        .isIn("waiting", "paused");
    assertThat(count(browser, "waiting")).isEqualTo(waiting);

    // Search by domain and by name.
    browser.get(base.toString());
    WebElement search = browser.findElement(By.id("search"));
    search.sendKeys("acme.example");
    click(browser, By.cssSelector("form.search button"));
    assertThat(browser.findElements(By.cssSelector("article.conv .address")))
        .isNotEmpty().allSatisfy(a -> assertThat(a.getText()).contains("acme.example"));
    browser.get(base + "?q=" + java.net.URLEncoder.encode(contact.split(" ")[0], "UTF-8"));
    assertThat(browser.findElements(By.id("c-" + id))).hasSize(1);

    // The calendar feed of the demo's ICS calendar, at the secret address the page shows.
    String feed = browser.findElement(By.id("feed-url")).getText();
    assertThat(feed).startsWith(base.resolve("/feed/").toString()).endsWith(".ics");
    HttpResponse<String> ics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(feed)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ics.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
    assertThat(ics.body()).startsWith("BEGIN:VCALENDAR");

    // The report: the chart of answers by touch shows the numbers of its CSV.
    click(browser, By.id("nav-report"));
    List<WebElement> bars = browser.findElements(By.cssSelector("#chart-answers-by-touch rect.bar"));
    String csvHref = browser.findElement(By.cssSelector("#chart-answers-by-touch a.csv")).getAttribute("href");
    List<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvHref)).build(),
        HttpResponse.BodyHandlers.ofString()).body().lines().toList();
    assertThat(csv.get(0)).isEqualTo("touch,sent,answered,answer_rate_percent");
    assertThat(bars).hasSize(csv.size() - 1).isNotEmpty();
    int answeredInCsv = 0;
    for (int i = 0; i < bars.size(); i++) {
      String[] row = csv.get(i + 1).split(",");
      assertThat(bars.get(i).getAttribute("data-label")).isEqualTo(row[0]);
      assertThat(bars.get(i).getAttribute("data-value")).isEqualTo(row[2]);
      answeredInCsv += Integer.parseInt(row[2]);
    }
    assertThat(answeredInCsv).isPositive();
    List<WebElement> rateBars = browser.findElements(By.cssSelector("#chart-rate-by-touch rect.bar"));
    for (int i = 0; i < rateBars.size(); i++) {
      assertThat(rateBars.get(i).getAttribute("data-value")).isEqualTo(csv.get(i + 1).split(",")[3]);
    }
  }

  private static WebElement app(WebDriver browser, String id) {
    return browser.findElement(By.id("c-" + id));
  }

  private static int count(WebDriver browser, String filter) {
    return Integer.parseInt(browser.findElement(By.cssSelector("#filter-" + filter + " .count")).getText());
  }

  private static void click(WebDriver browser, By by) {
    click(browser, browser.findElement(by));
  }

  /** Clicks and waits for the next page: the old one's body goes stale. */
  private static void click(WebDriver browser, WebElement element) {
    WebElement body = browser.findElement(By.tagName("body"));
    element.click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(body));
  }

  private static void screenshot(WebDriver browser) throws Exception {
    browser.manage().window().setSize(new Dimension(1100, 1500));
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(Path.of("target"));
    Files.copy(shot, Path.of("target", "pipeline.png"), StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("screenshot.docs")) {
      Files.createDirectories(Path.of("docs"));
      Files.copy(shot, Path.of("docs", "pipeline.png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
