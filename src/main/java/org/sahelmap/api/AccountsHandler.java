package org.sahelmap.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahelmap.accounts.Account;
import org.sahelmap.accounts.AccountStore;
import org.sahelmap.accounts.Principal;
import org.sahelmap.accounts.Role;
import org.sahelmap.errors.Reason;

/**
 * Account management for admins ({@code /api/accounts}), the audit trail ({@code /api/audit}) and
 * API tokens for the signed-in user's own scripts and GIS clients ({@code /api/tokens}).
 */
final class AccountsHandler {
  static final String ACCOUNTS = "/api/accounts";
  static final String AUDIT = "/api/audit";
  static final String TOKENS = "/api/tokens";
  static final int MAX_AUDIT = 1000;

  private final AccountStore accounts;

  AccountsHandler(AccountStore accounts) {
    this.accounts = accounts;
  }

  void list(Context ctx) {
    ctx.json(Map.of("accounts", accounts.list().stream().map(AccountsHandler::json).toList()));
  }

  void add(Context ctx) throws IOException {
    JsonNode body = JsonBody.read(ctx);
    String name = AccountStore.checkName("name", text(body, "name", true));
    Role role = Role.parse("role", text(body, "role", true));
    accounts.add(name, role, text(body, "password", false), actor(ctx));
    ctx.status(201).json(json(accounts.find(name).orElseThrow()));
  }

  void change(Context ctx) throws IOException {
    JsonNode body = JsonBody.read(ctx);
    String role = text(body, "role", false);
    JsonNode disabled = body.get("disabled");
    if (disabled != null && !disabled.isBoolean()) {
      throw ApiException.badParameter("disabled", "must be true or false");
    }
    Account a =
        accounts.change(
            ctx.pathParam("name"),
            role == null ? null : Role.parse("role", role),
            text(body, "password", false),
            disabled == null ? null : disabled.asBoolean(),
            actor(ctx));
    ctx.json(json(a));
  }

  void remove(Context ctx) {
    accounts.remove(ctx.pathParam("name"), actor(ctx));
    ctx.status(204);
  }

  void audit(Context ctx) {
    int limit = limit(ctx.queryParam("limit"));
    String before = ctx.queryParam("before");
    Instant b = null;
    if (before != null) {
      try {
        b = Instant.parse(before);
      } catch (DateTimeParseException e) {
        throw ApiException.badParameter(
            "before", "must be an instant such as 2026-12-01T10:00:00Z");
      }
    }
    List<Map<String, Object>> entries =
        accounts.audit(limit, b).stream()
            .map(
                e -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("at", e.at().toString());
                  m.put("actor", e.actor());
                  m.put("action", e.action());
                  m.put("kind", e.kind());
                  m.put("target", e.target());
                  m.put("version", e.version());
                  m.put("detail", e.detail());
                  return m;
                })
            .toList();
    ctx.json(Map.of("entries", entries));
  }

  void issueToken(Context ctx) throws IOException {
    JsonNode body = JsonBody.read(ctx);
    Principal p = AccessControl.principal(ctx);
    String secret = accounts.issueToken(p.name(), text(body, "label", true), p.name());
    ctx.header("Cache-Control", "no-store");
    ctx.status(201).json(Map.of("token", secret, "account", p.name()));
  }

  private static int limit(String raw) {
    if (raw == null) {
      return 100;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 1 && n <= MAX_AUDIT) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // refused below
    }
    throw ApiException.badParameter("limit", "must be a whole number from 1 to " + MAX_AUDIT);
  }

  private static String actor(Context ctx) {
    return AccessControl.principal(ctx).name();
  }

  private static Map<String, Object> json(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("role", a.role().id());
    m.put("disabled", a.disabled());
    m.put("password", a.hasPassword());
    m.put("created", a.created().toString());
    return m;
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode v = body == null ? null : body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new ApiException(
            Reason.BAD_INPUT, "InvalidAccount", "field '" + field + "' is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new ApiException(
          Reason.BAD_INPUT, "InvalidAccount", "field '" + field + "' must be text");
    }
    return v.asText();
  }
}
