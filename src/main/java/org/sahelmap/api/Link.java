package org.sahelmap.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One link in OGC API form, written as {@code {href, rel, type, title, templated}} in that order; a
 * null title or templated is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Link(String href, String rel, String type, String title, Boolean templated) {
  Link(String href, String rel, String type, String title) {
    this(href, rel, type, title, null);
  }

  /** The same link as a URI template (OGC API Tiles' {@code item} link). */
  Link asTemplate() {
    return new Link(href, rel, type, title, true);
  }
}
