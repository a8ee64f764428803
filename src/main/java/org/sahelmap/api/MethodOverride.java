package org.sahelmap.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hides method-override headers from the app. Javalin routes a POST carrying {@code
 * X-HTTP-Method-Override: DELETE} as a DELETE, so a form or a cross-site "simple" request could
 * reach a route its method would never be allowed to; the method a request states is the one it
 * gets.
 */
final class MethodOverride implements Filter {
  static final Set<String> HEADERS =
      lower("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new Hidden((HttpServletRequest) req), res);
  }

  private static Set<String> lower(String... names) {
    Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    s.addAll(List.of(names));
    return s;
  }

  private static final class Hidden extends HttpServletRequestWrapper {
    Hidden(HttpServletRequest req) {
      super(req);
    }

    @Override
    public String getHeader(String name) {
      return HEADERS.contains(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HEADERS.contains(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = Collections.list(super.getHeaderNames());
      names.removeIf(HEADERS::contains);
      return Collections.enumeration(names);
    }
  }
}
