package org.sahelmap.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahelmap.store.PropertyTypes;
import org.sahelmap.store.SqlCondition;

/** CQL2 text and JSON to SQL: what parses, the SQL it makes, and where each refusal points. */
class Cql2TextParserTest {
  static final Queryables TOWNS =
      Queryables.of(
          Map.of(
              "name", new PropertyTypes.Type("string", false, false),
              "population", new PropertyTypes.Type("number", true, false),
              "capital", new PropertyTypes.Type("boolean", false, false),
              "seen", new PropertyTypes.Type("string", false, true),
              "tags", new PropertyTypes.Type("array", false, false)),
          true);

  static SqlCondition sql(String text) {
    return FilterSql.toSql(Cql2TextParser.parse(text), TOWNS);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name = 'Gao'",
        "population > 1000 AND NOT (capital = TRUE OR name IS NULL)",
        "name LIKE 'Ga%' and population between 1 and 5",
        "name NOT LIKE 'x' OR name NOT IN ('a', 'b') OR population NOT BETWEEN 1 AND 2",
        "name IS NOT NULL",
        "\"name\" <> 'x'",
        "CASEI(name) = casei('GAO')",
        "capital",
        "TRUE",
        "population >= -1.5e3",
        "S_INTERSECTS(geometry, POINT(1 2))",
        "s_within(geometry, POLYGON((0 0, 4 0, 4 4, 0 4, 0 0)))",
        "S_INTERSECTS(geometry, BBOX(-1, 13, 3, 17))",
        "S_INTERSECTS(geometry, MULTIPOINT((1 2), (3 4)))",
        "T_INTERSECTS(datetime, INTERVAL('2024-01-01', '2024-12-31'))",
        "T_BEFORE(start_time, TIMESTAMP('2024-01-01T00:00:00Z'))",
        "T_AFTER(datetime, DATE('2024-01-01'))",
        "T_DURING(INTERVAL(start_time, end_time), INTERVAL('..', '2025-01-01T00:00:00Z'))",
        "start_time > DATE('2024-01-01')",
        "seen = DATE('2024-03-05')",
        "seen BETWEEN '2024-01-01' AND '2024-12-31'",
        "population = population",
        "tags IS NULL",
      })
  void parsesAndMakesSqlWithEveryValueBound(String filter) {
    SqlCondition c = sql(filter);
    assertThat(c.sql()).doesNotContain("Gao", "GAO", "1000", "2024", "'x'", "Ga%");
    long placeholders = c.sql().chars().filter(ch -> ch == '?').count();
    assertThat(placeholders).isEqualTo(c.params().size());
  }

  @Test
  void propertyKeysAreBoundToo() {
    SqlCondition c = sql("name = 'x''y'");
    assertThat(c.sql()).isEqualTo("(properties->>?) = ?");
    assertThat(c.params()).containsExactly("name", "x'y");
    SqlCondition n = sql("population IN (1, 2.5)");
    assertThat(n.params()).contains(new BigDecimal("1"), new BigDecimal("2.5"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name = |character 7|expected a property name or a value, found the end",
        "name = 'x' AND|character 15|expected a property name or a value",
        "(name = 'x'|character 12|expected ')' to close the '(' at character 1",
        "name == 'x'|character 7|expected a property name or a value, found '='",
        "name = 'x|character 8|never closed",
        "nosuch = 1|character 1|'nosuch' is not a queryable",
        "population > 'x'|character 14|cannot compare number with text",
        "name LIKE 3|character 11|LIKE takes text, not number",
        "capital < TRUE|character 9|booleans compare only with = and <>",
        "S_INTERSECTS(geometry, POINT(1))|character 24|not a valid WKT geometry",
        "S_INTERSECTS(name, POINT(1 2))|character 14|'name' is text, not a geometry",
        "S_INTERSECTS(geometry, POINT(200 2))|character 24|CRS84",
        "S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 0 0)))|character 24|not valid",
        "S_INTERSECTS(geometry, POLYGON((0 0, 2 2, 2 0, 0 2, 0 0)))|character 24|self-intersection at 1.0 1.0",
        "T_AFTER(name, DATE('2024-01-01'))|character 9|'name' is text, not a time",
        "T_AFTER(datetime, DATE('2024-13-01'))|character 19|not an RFC 3339 date",
        "datetime = 1|character 1|interval",
        "FOO(name) = 1|character 1|not a function this server knows",
        "name = 'x' name|character 12|expected AND, OR or the end of the filter",
        "name # 1|character 6|'#' cannot stand here",
        "name IS 'x'|character 9|expected NULL after IS",
        "BBOX(1,2,3) = 1|character 1|BBOX takes 4 or 6 numbers",
        "population + 1 = 2|character 12|arithmetic (+ - * /) is not supported",
      })
  void refusalsNameThePlaceAndTheReason(String filter, String at, String reason) {
    assertThatThrownBy(() -> sql(filter))
        .isInstanceOf(FilterException.class)
        .hasMessageStartingWith(at + ":")
        .hasMessageContaining(reason);
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "(".repeat(500) + "name = 'x'" + ")".repeat(500);
    assertThatThrownBy(() -> sql(deep))
        .isInstanceOf(FilterException.class)
        .hasMessageContaining("nested");
    String nots = "NOT ".repeat(500) + "name = 'x'";
    assertThatThrownBy(() -> sql(nots))
        .isInstanceOf(FilterException.class)
        .hasMessageContaining("nested");
  }

  @Test
  void cql2JsonMakesTheSameSqlAsText() {
    String json =
        "{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"population\"},1000]},"
            + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[-1,13,3,17]}]},"
            + "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"datetime\"},"
            + "{\"interval\":[\"2024-01-01\",\"..\"]}]},"
            + "{\"op\":\"in\",\"args\":[{\"property\":\"name\"},[\"a\",\"b\"]]},"
            + "{\"op\":\"isNull\",\"args\":[{\"property\":\"tags\"}]}]}";
    SqlCondition fromJson = FilterSql.toSql(Cql2JsonParser.parse(json), TOWNS);
    SqlCondition fromText =
        sql(
            "population > 1000 AND S_INTERSECTS(geometry, BBOX(-1,13,3,17)) AND"
                + " T_INTERSECTS(datetime, INTERVAL('2024-01-01', '..')) AND name IN ('a', 'b')"
                + " AND tags IS NULL");
    assertThat(fromJson.sql()).isEqualTo(fromText.sql());
    assertThatThrownBy(
            () ->
                FilterSql.toSql(
                    Cql2JsonParser.parse("{\"op\":\"=\",\"args\":[{\"property\":\"nosuch\"},1]}"),
                    TOWNS))
        .hasMessageStartingWith("/args/0:");
    assertThatThrownBy(() -> Cql2JsonParser.parse("{\"op\":"))
        .hasMessageContaining("not valid JSON");
  }
}
