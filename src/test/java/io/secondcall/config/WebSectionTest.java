package io.secondcall.config;

import static io.secondcall.config.ConfigFiles.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code web} section: where the pipeline page listens, and when it needs a password. */
class WebSectionTest {

  @TempDir Path dir;

  private String error(String yaml, String key) {
    return new ConfigFiles(dir).error(yaml, key);
  }

  private Config load(String yaml) {
    return new ConfigFiles(dir).load(yaml);
  }

  @Test
  void withoutTheSectionThePageIsOnLoopbackWithoutPassword() {
    WebSettings web = load(MINIMAL).web();

    assertThat(web.listen()).isEqualTo("127.0.0.1:8377");
    assertThat(web.password()).isNull();
    assertThat(web.isPublic()).isFalse();
  }

  @Test
  void listensWhereToldAndCanBeTurnedOff() {
    assertThat(load(MINIMAL + "web: {listen: \"localhost:9000\"}\n").web().listen()).isEqualTo("localhost:9000");
    assertThat(load(MINIMAL + "web: {listen: \"[::1]:9000\"}\n").web().listen()).isEqualTo("[::1]:9000");
    assertThat(load(MINIMAL + "web: {listen: \"127.0.0.1\"}\n").web().port()).isEqualTo(8377);
    assertThat(load(MINIMAL + "web: {listen: \"off\"}\n").web().enabled()).isFalse();
  }

  @Test
  void anAddressOthersCanReachNeedsAPasswordFile() {
    assertThat(error(MINIMAL + "web: {listen: \"0.0.0.0:8377\"}\n", "web.password_file"))
        .contains("a password file (required when web.listen is not a loopback address");

    Path secret = new ConfigFiles(dir).privateFile("web-password", "s3cret\n");
    WebSettings web = load(MINIMAL + "web: {listen: \"0.0.0.0:8377\", password_file: " + secret + "}\n").web();
    assertThat(web.isPublic()).isTrue();
    assertThat(web.password().reveal()).isEqualTo("s3cret");
  }

  @Test
  void badValuesNameTheKeyAndWhatIsExpected() {
    assertThat(error(MINIMAL + "web: {listen: \"127.0.0.1:99999\"}\n", "web.listen")).contains("a port from 0 to 65535");
    assertThat(error(MINIMAL + "web: {listen: \"a b\"}\n", "web.listen")).contains("such as 127.0.0.1:8377");
    assertThat(error(MINIMAL + "web: {listne: x}\n", "web.listne")).endsWith("did you mean listen?");
    assertThat(error(MINIMAL + "web: {listen: \"0.0.0.0:1\", password: x}\n", "web.password"))
        .contains("never inline");
  }
}
