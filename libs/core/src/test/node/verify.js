// Reads deliveries (JSON lines: {secret, id, timestamp, body, signature}) on stdin and verifies each with the
// official Standard Webhooks library; prints one line per delivery: "ok" or "refused <reason>".
const { Webhook } = require("standardwebhooks");
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((l) => l.trim());
for (const line of lines) {
  const d = JSON.parse(line);
  try {
    // the library checks the timestamp against its own clock: the test signs with the current time
    new Webhook(d.secret).verify(d.body, {
      "webhook-id": d.id,
      "webhook-timestamp": String(d.timestamp),
      "webhook-signature": d.signature,
    });
    console.log("ok");
  } catch (e) {
    console.log("refused " + String(e.message || e).replace(/\s+/g, " "));
  }
}
