// Styles of the terminal page, served as a file so the CSP can forbid inline styles as well.

/** The stylesheet. */
export const TERMINAL_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,sans-serif;background:#20242c;color:#1b1d21}
.device{max-width:440px;margin:16px auto;background:#f4f5f7;border-radius:24px;padding:16px;box-shadow:0 8px 24px #0008}
.bar{display:flex;gap:8px;align-items:center;justify-content:space-between;font-size:14px}
.brand{font-weight:700}
.pill{padding:2px 8px;border-radius:999px;background:#ccc}
.pill.on{background:#bde5c8}.pill.off{background:#f3c1c1}
.screen{background:#fff;border-radius:16px;padding:16px;margin:12px 0;min-height:260px}
.idle{color:#666;text-align:center;margin-top:90px}
.amount{font-size:40px;font-weight:700;text-align:center;margin:8px 0}
.presentation{font-size:13px;color:#555;text-align:center;margin:0}
.description{font-size:16px;text-align:center;word-break:break-word;white-space:pre-wrap}
.line{margin:4px 0;text-align:center}.small{font-size:12px;color:#555}
.field{display:block;margin:8px 0;font-size:14px}
.field select,.field input[type=number]{font-size:16px;padding:4px}
.buttons{display:grid;gap:10px;margin-top:12px}
.buttons button{font-size:22px;padding:16px;border:0;border-radius:12px;color:#fff;cursor:pointer}
.approve{background:#1e8e3e}.decline{background:#c5221f}.cancel{background:#5f6368}
.result{font-size:18px;text-align:center;font-weight:600;min-height:1.4em}
.controls{font-size:14px}
.log h2{font-size:15px;margin:8px 0}
.log ol{font-size:12px;font-family:ui-monospace,monospace;max-height:320px;overflow:auto;padding-left:28px;margin:0}
.log li{margin:2px 0;word-break:break-all}
`;
