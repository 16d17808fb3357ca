// Charts of the dashboard (lightweight-charts, served from the project): every element with
// data-chart="<json url>" gets a chart of its kind ("market": mark and index candles, funding
// histogram in a second pane, the spread against its band in a third; "pool": share price line), refreshed every 5 s. data-points on the
// element counts the points drawn (the browser tests read it).
(function () {
  "use strict";
  const REFRESH_MS = 5000;
  const LWC = () => window.LightweightCharts;

  function makeChart(el) {
    return LWC().createChart(el, {
      autoSize: true,
      layout: { background: { color: "#ffffff" }, textColor: "#1d2330" },
      grid: { vertLines: { color: "#f0f2f5" }, horzLines: { color: "#f0f2f5" } },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
  }

  function marketChart(el) {
    const chart = makeChart(el);
    const mark = chart.addSeries(LWC().CandlestickSeries, {
      upColor: "#1f9d55", downColor: "#d64545", borderVisible: false,
      wickUpColor: "#1f9d55", wickDownColor: "#d64545",
    });
    // the index's candles: translucent blue, bordered, beside the mark's green and red ones
    const index = chart.addSeries(LWC().CandlestickSeries, {
      upColor: "rgba(47,111,221,0.35)", downColor: "rgba(47,111,221,0.35)", borderVisible: true,
      borderUpColor: "#2f6fdd", borderDownColor: "#2f6fdd", wickUpColor: "#2f6fdd", wickDownColor: "#2f6fdd",
      title: "index",
    });
    const funding = chart.addSeries(LWC().HistogramSeries, { color: "#9b6ad6", title: "funding %" }, 1);
    const band = parseFloat(el.dataset.band || "0");
    const spread = chart.addSeries(LWC().LineSeries, {
      color: "#c77c02", lineWidth: 2, title: "spread %",
      // the band's lines stay in view: the pane's scale spans at least ±band
      autoscaleInfoProvider: (original) => {
        const r = original();
        if (!r || !(band > 0)) return r;
        r.priceRange.minValue = Math.min(r.priceRange.minValue, -band);
        r.priceRange.maxValue = Math.max(r.priceRange.maxValue, band);
        return r;
      },
    }, 2);
    if (band > 0) {
      for (const p of [band, -band]) {
        spread.createPriceLine({ price: p, color: "#b42318", lineStyle: LWC().LineStyle.Dashed, lineWidth: 1, title: "band" });
      }
    }
    return { chart, draw: (d) => {
      mark.setData(d.mark); index.setData(d.index); funding.setData(d.funding); spread.setData(d.spread);
      return d.mark.length + d.index.length + d.funding.length + d.spread.length;
    } };
  }

  function poolChart(el) {
    const chart = makeChart(el);
    const price = chart.addSeries(LWC().LineSeries, { color: "#1f6f4a", lineWidth: 2, title: "share price" });
    return { chart, draw: (d) => { price.setData(d.share_price); return d.share_price.length; } };
  }

  async function refresh(el, c) {
    const r = await fetch(el.dataset.chart, { headers: { Accept: "application/json" } });
    if (!r.ok) throw new Error(el.dataset.chart + ": HTTP " + r.status);
    const n = c.draw(await r.json());
    if (!c.fitted && n > 0) { c.chart.timeScale().fitContent(); c.fitted = true; }
    el.dataset.points = String(n);
    const empty = document.getElementById("chart-empty");
    if (empty) empty.hidden = n > 0;
  }

  function start(el) {
    const kinds = { market: marketChart, pool: poolChart };
    const make = kinds[el.dataset.kind];
    if (!make) return;
    const c = make(el);
    const tick = () => refresh(el, c).catch((e) => console.warn(e.message));
    tick();
    setInterval(tick, REFRESH_MS);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-chart]").forEach(start);
  });
})();
