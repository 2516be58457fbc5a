package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLocationIndexTest {

  private static final String DOC =
      String.join(
          "\n",
          "{",
          "  \"name\": \"x\",",
          "  \"holders\": [",
          "    {\"files\": []},",
          "    {\"files\": [{\"group\": 5}, {\"group\": 6, \"odd key\": [1, [2, 3]]}]}",
          "  ],",
          "  \"9lives\": {\"a_b\": null}",
          "}");

  private static JsonLocationIndex index(String doc) {
    return JsonLocationIndex.lazy(new JsonFactory(), doc.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyValueIsFoundAtItsPathWithWhereItStarts() {
    JsonLocationIndex index = index(DOC);

    assertThat(index.find("$").orElseThrow()).extracting("line", "column").containsExactly(1, 1);
    assertThat(index.find("$.name").orElseThrow())
        .extracting("line", "column", "token")
        .containsExactly(2, 11, JsonToken.VALUE_STRING);
    assertThat(index.tokenAt("$.holders[0].files")).contains(JsonToken.START_ARRAY);
    assertThat(index.find("$.holders[1].files[0].group").orElseThrow())
        .extracting("line", "column")
        .containsExactly(5, 26);
    assertThat(index.find("$.holders[1].files[1].group").orElseThrow())
        .extracting("line", "column")
        .containsExactly(5, 40);
    assertThat(index.tokenAt("$.holders[1].files[1]['odd key'][1][0]"))
        .contains(JsonToken.VALUE_NUMBER_INT);
    assertThat(index.find("$.holders[1].files[1]['odd key'][1][1]"))
        .map(JsonLocationIndex.Position::path)
        .contains("$.holders[1].files[1]['odd key'][1][1]");
    assertThat(index.tokenAt("$['9lives'].a_b")).contains(JsonToken.VALUE_NULL);
    assertThat(index.key("$.holders[1].files[1].group").orElseThrow())
        .extracting("line", "column")
        .containsExactly(5, 31);
  }

  @Test
  void aMissingPathFallsBackToTheNearestEnclosingValue() {
    JsonLocationIndex index = index(DOC);

    assertThat(index.find("$.holders[1].files[7].group").orElseThrow().path())
        .isEqualTo("$.holders[1].files");
    assertThat(index.tokenAt("$.holders[2]")).isEmpty();
  }

  @Test
  void aSyntaxErrorNamesThePathBeingRead() {
    assertThatThrownBy(() -> index("{\"holders\": [{\"files\": [1, }]}").find("$"))
        .isInstanceOfSatisfying(
            Problem.class, p -> assertThat(p.path()).isEqualTo("$.holders[0].files[0]"));
  }

  @Test
  void namesThatAreNotPlainAreQuoted() {
    assertThat(JsonLocationIndex.child("$", "a_b9")).isEqualTo("$.a_b9");
    assertThat(JsonLocationIndex.child("$", "_x")).isEqualTo("$._x");
    assertThat(JsonLocationIndex.child("$", "9a")).isEqualTo("$['9a']");
    assertThat(JsonLocationIndex.child("$", "")).isEqualTo("$['']");
    assertThat(JsonLocationIndex.child("$", "it's")).isEqualTo("$['it\\'s']");
    assertThat(JsonLocationIndex.child("$", "a-b")).isEqualTo("$['a-b']");
  }
}
