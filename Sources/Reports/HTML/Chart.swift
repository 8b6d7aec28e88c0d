/// One inline SVG chart: a plot area inside margins, axes with ticks and labels, a legend, and a
/// `<title>` and `<desc>` as its text alternative.
///
/// Geometry: the SVG is `width` × `height` user units (CSS pixels); the plot area runs from
/// x = `left` to `width − right` and from y = `height − bottom` (bottom) to `top`. A chart
/// draws its marks into `body` through scales whose ranges are those edges (`xScale`, `yScale`).
struct Chart {
    var width: Double
    var height: Double
    var left: Double
    var right = 24.0
    var top: Double
    var bottom = 44.0
    let title: String
    let desc: String
    var body = XMLWriter()
    var legendEntries: [(label: String, colour: String)] = []

    /// The colours of options 0, 1, 2, … (repeating), distinguishable in print and by most
    /// colour-blind readers.
    static let palette = ["#1b6ca8", "#d1495b", "#2e8b57", "#e8a33d", "#6a4c93", "#4d4d4d", "#00a6a6", "#8f5e3a"]
    static func colour(_ k: Int) -> String { palette[k % palette.count] }

    init(title: String, desc: String, width: Double = 720, height: Double = 300, left: Double = 72, top: Double = 44) {
        self.title = title
        self.desc = desc
        self.width = width
        self.height = height
        self.left = left
        self.top = top
    }

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    func xScale(_ d0: Double, _ d1: Double) -> LinearScale { LinearScale(d0: d0, d1: d1, r0: plotLeft, r1: plotRight) }
    func yScale(_ d0: Double, _ d1: Double) -> LinearScale { LinearScale(d0: d0, d1: d1, r0: plotBottom, r1: plotTop) }

    /// The x axis along the bottom of the plot: a tick and a label at each value, grid lines,
    /// and the axis title centred below.
    mutating func xAxis(_ x: LinearScale, ticks: [Double], label: String, format: (Double) -> String) {
        let (y0, y1) = (plotBottom, plotTop)
        let (plotLeft, plotRight, height) = (self.plotLeft, self.plotRight, self.height)
        body.element("g", ["class": "axis x"]) { g in
            for t in ticks {
                let px = svgNumber(x(t))
                g.empty("line", ["class": "grid", "x1": px, "x2": px, "y1": svgNumber(y1), "y2": svgNumber(y0)])
                g.empty("line", ["x1": px, "x2": px, "y1": svgNumber(y0), "y2": svgNumber(y0 + 5)])
                g.leaf("text", ["x": px, "y": svgNumber(y0 + 18), "text-anchor": "middle"], text: format(t))
            }
            g.empty(
                "line",
                ["x1": svgNumber(plotLeft), "x2": svgNumber(plotRight), "y1": svgNumber(y0), "y2": svgNumber(y0)])
            g.leaf(
                "text",
                [
                    "class": "axis-title", "x": svgNumber((plotLeft + plotRight) / 2), "y": svgNumber(height - 6),
                    "text-anchor": "middle"
                ],
                text: label)
        }
    }

    /// The y axis along the left of the plot: ticks with labels, grid lines, and the axis title
    /// written above the axis.
    mutating func yAxis(_ y: LinearScale, ticks: [Double], label: String, format: (Double) -> String) {
        let x0 = plotLeft
        let (plotRight, plotTop, plotBottom) = (self.plotRight, self.plotTop, self.plotBottom)
        body.element("g", ["class": "axis y"]) { g in
            for t in ticks {
                let py = svgNumber(y(t))
                g.empty("line", ["class": "grid", "x1": svgNumber(x0), "x2": svgNumber(plotRight), "y1": py, "y2": py])
                g.empty("line", ["x1": svgNumber(x0 - 5), "x2": svgNumber(x0), "y1": py, "y2": py])
                g.leaf(
                    "text", ["x": svgNumber(x0 - 8), "y": svgNumber(y(t) + 4), "text-anchor": "end"], text: format(t))
            }
            g.empty(
                "line",
                ["x1": svgNumber(x0), "x2": svgNumber(x0), "y1": svgNumber(plotTop), "y2": svgNumber(plotBottom)])
            g.leaf("text", ["class": "axis-title", "x": "4", "y": svgNumber(plotTop - 10)], text: label)
        }
    }

    /// A vertical marker line across the plot at pixel x, labelled at the top (`row` rows of
    /// 14 px lower, so that neighbouring markers' labels do not overlap).
    mutating func marker(x px: Double, label: String, class name: String = "marker", row: Int = 0) {
        body.empty(
            "line",
            [
                "class": name, "x1": svgNumber(px), "x2": svgNumber(px), "y1": svgNumber(plotTop),
                "y2": svgNumber(plotBottom)
            ])
        let anchor = px > (plotLeft + plotRight) / 2 ? "end" : "start"
        let dx = anchor == "end" ? -4.0 : 4.0
        body.leaf(
            "text",
            [
                "class": name + "-label", "x": svgNumber(px + dx), "y": svgNumber(plotTop + 12 + 14 * Double(row)),
                "text-anchor": anchor
            ],
            text: label)
    }

    /// Estimated width of a label at the chart's 12 px font (0.6 em a character; the layout
    /// only needs to avoid overlaps, not to be exact).
    static func textWidth(_ s: String, size: Double = 12) -> Double { Double(s.count) * size * 0.6 }

    /// A label cut to `limit` characters with an ellipsis (the full text goes in a `<title>`).
    static func clip(_ s: String, _ limit: Int) -> String { s.count <= limit ? s : String(s.prefix(limit - 1)) + "…" }

    /// The SVG element: `<title>`, `<desc>`, the legend (swatches in a row along the top,
    /// wrapping when a row is full), then the marks.
    func render(into w: inout XMLWriter) {
        w.element(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(svgNumber(width)) \(svgNumber(height))",
                "width": svgNumber(width), "height": svgNumber(height), "role": "img", "class": "chart"
            ]
        ) { svg in
            svg.leaf("title", text: title)
            svg.leaf("desc", text: desc)
            if !legendEntries.isEmpty {
                svg.element("g", ["class": "legend"]) { g in
                    var x = plotLeft, y = 14.0
                    for e in legendEntries {
                        let label = Chart.clip(e.label, 40)
                        let w = 18 + Chart.textWidth(label) + 16
                        if x + w > width - 4, x > plotLeft {
                            x = plotLeft
                            y += 16
                        }
                        g.empty(
                            "rect",
                            ["x": svgNumber(x), "y": svgNumber(y - 9), "width": "12", "height": "10", "fill": e.colour])
                        g.leaf("text", ["x": svgNumber(x + 16), "y": svgNumber(y)], text: label)
                        x += w
                    }
                }
            }
            svg.raw(body.text)
        }
    }
}
