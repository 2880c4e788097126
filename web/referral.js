/*! referral.js: keeps a partner's rid/ref in a first-party cookie, fills lead forms; README "Add referral.js to your site" */
(function (w, d) {
  "use strict";
  // Ids are validated before they are stored or written anywhere: the URL and the cookie are the visitor's to forge.
  var RID = /^[0-9A-HJKMNP-TV-Z]{26}$/, REF = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/, NAME = "refer";
  var s = d.currentScript, c = {}, k, o = w.ReferConfig || {};
  if (s) for (k in s.dataset) c[k] = s.dataset[k];
  for (k in o) c[k] = o[k]; // the page's global config (set at run time, e.g. by a consent tool) wins
  var days = Math.min(Math.max(parseInt(c.days, 10) || 30, 1), 365), started = false;
  var R = w.Refer = {
    version: "1.0.0", rid: null, ref: null,
    consent: start,
    clientReferenceId: function () { return R.rid || R.ref; },
    forget: function () { write("", 0); R.rid = R.ref = null; }
  };

  function ok(re, v) { return typeof v == "string" && re.test(v) ? v : null; }

  function write(v, age) {
    var dom = c.cookieDomain, h = location.hostname;
    d.cookie = NAME + "=" + v + "; Path=/; Max-Age=" + age + "; SameSite=Lax"
      + (dom && (h == dom || h.slice(-dom.length - 1) == "." + dom) ? "; Domain=" + dom : "")
      + (location.protocol == "https:" ? "; Secure" : "");
  }

  function stored() {
    var m = d.cookie.match(/(?:^|; )refer=([^;]*)/), p = m ? m[1].split(".") : [];
    return { rid: ok(RID, p[0]), ref: ok(REF, p[1]) };
  }

  function isLeadForm(f) {
    if (f.hasAttribute("data-refer-form")) return true;
    if (!c.leadForm) return false;
    try {
      var a = new URL(f.getAttribute("action") || "", location.href), l = new URL(c.leadForm, location.href);
      return a.origin + a.pathname == l.origin + l.pathname;
    } catch (e) { return false; }
  }

  function fill(f) {
    ["rid", "ref"].forEach(function (n) {
      var v = R[n], i = f.querySelector('input[name="' + n + '"]');
      if (!v || (i && i.type != "hidden" && i.value)) return; // a visitor's own entry stays
      if (!i) {
        i = d.createElement("input");
        i.type = "hidden";
        i.name = n;
        f.appendChild(i);
      }
      i.value = v;
    });
  }

  // Lead forms get hidden fields; Stripe Payment Links, pricing tables and buy buttons get client_reference_id.
  function fillAll() {
    var id = R.clientReferenceId();
    [].forEach.call(d.forms, function (f) { if (isLeadForm(f)) fill(f); });
    if (id) [].forEach.call(d.querySelectorAll('a[href^="https://buy.stripe.com/"],stripe-pricing-table,stripe-buy-button'),
      function (e) {
        if (e.tagName != "A") return e.setAttribute("client-reference-id", id);
        var u = new URL(e.href);
        u.searchParams.set("client_reference_id", id);
        e.href = u.href;
      });
  }

  function start() {
    if (started) return;
    started = true;
    var q = new URLSearchParams(location.search), have = stored();
    var rid = ok(RID, q.get(c.ridParam || "rid")), ref = ok(REF, q.get(c.refParam || "ref"));
    if ((rid || ref) && !(c.touch == "first" && (have.rid || have.ref))) {
      have = { rid: rid, ref: ref };
      write((rid || "") + "." + (ref || ""), days * 86400);
    }
    R.rid = have.rid;
    R.ref = have.ref;
    d.addEventListener("submit", function (e) { if (isLeadForm(e.target)) fill(e.target); }, true);
    if (d.readyState == "loading") d.addEventListener("DOMContentLoaded", fillAll);
    else fillAll();
  }

  if (c.consent != "required") start();
})(window, document);
