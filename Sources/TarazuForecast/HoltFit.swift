import Foundation

/// Least-squares fitting of Holt and damped Holt (statsmodels `initialization_method="estimated"`
/// objective: the sum of squared one-step errors over alpha, beta, phi, l_0 and b_0 together).
///
/// How: for fixed (alpha, beta, phi) the one-step errors are affine in (l_0, b_0), so the best
/// initial state is solved exactly by 2x2 least squares ("profiled out"). The remaining one to three
/// bounded parameters are searched by a fixed grid followed by Nelder-Mead from the best three grid
/// points, with parameters projected onto the bounds (beta <= alpha as statsmodels imposes).
/// Everything is deterministic. The series is divided by its mean absolute value first and the
/// initial state scaled back, so rials in the 10^15 range fit as well as indices near 100.
public enum HoltFit {
    /// Bounds of the smoothing parameters.
    public struct Bounds: Hashable, Codable, Sendable {
        public var alpha: ClosedRange<Double>
        public var beta: ClosedRange<Double>
        public var phi: ClosedRange<Double>

        public init(alpha: ClosedRange<Double> = 0.0001...0.9999, beta: ClosedRange<Double> = 0.0001...0.9999,
                    phi: ClosedRange<Double> = 0.8...0.98) {
            self.alpha = alpha
            self.beta = beta
            self.phi = phi
        }

        /// alpha, beta in [0.0001, 0.9999] with beta <= alpha; phi in [0.8, 0.98].
        public static let standard = Bounds()
    }

    /// Fits Holt (`damped` false, phi = 1) or damped Holt to `y` (at least 2 values).
    public static func fit(_ y: [Double], damped: Bool, bounds: Bounds = .standard) -> ExponentialSmoothing {
        let scale = Swift.max(y.reduce(0) { $0 + abs($1) } / Double(Swift.max(y.count, 1)), 1e-300)
        let z = y.map { $0 / scale }
        func project(_ p: [Double]) -> (Double, Double, Double) {
            let a = clamp(p[0], bounds.alpha)
            let b = Swift.min(Swift.max(p[1], bounds.beta.lowerBound), Swift.min(bounds.beta.upperBound, a))
            let f = damped ? clamp(p[2], bounds.phi) : 1
            return (a, b, f)
        }
        func objective(_ p: [Double]) -> Double {
            let (a, b, f) = project(p)
            let model = profiled(z, alpha: a, beta: b, phi: f)
            var penalty = 0.0
            let (pa, pb, pf) = (p[0], p[1], damped ? p[2] : 1)
            penalty += (pa - a) * (pa - a) + (pb - b) * (pb - b) + (pf - f) * (pf - f)
            return model.sse(z) + 1e-6 * penalty
        }
        // Grid of starting points.
        let alphas = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 0.9999]
        let betaShares = [0.0001, 0.05, 0.25, 0.5, 0.75, 1.0]
        let phis = damped ? [0.8, 0.85, 0.9, 0.95, 0.98] : [1.0]
        var starts: [(Double, [Double])] = []
        for a in alphas {
            for share in betaShares {
                for f in phis {
                    let p = damped ? [a, Swift.max(a * share, 0.0001), f] : [a, Swift.max(a * share, 0.0001)]
                    starts.append((objective(p), p))
                }
            }
        }
        starts.sort { $0.0 < $1.0 }
        var best = starts[0]
        for start in starts.prefix(3) {
            var point = start.1
            var value = start.0
            // Restart once from the optimum to escape a collapsed simplex.
            for _ in 0..<2 {
                let result = NelderMead.minimize(objective, start: point, step: 0.1)
                if result.value <= value { point = result.point; value = result.value }
            }
            if value < best.0 { best = (value, point) }
        }
        let (a, b, f) = project(best.1)
        var model = profiled(z, alpha: a, beta: b, phi: f)
        model.l0 *= scale
        model.b0 *= scale
        return model
    }

    /// The model with the given smoothing parameters and the least-squares initial state.
    public static func profiled(_ y: [Double], alpha: Double, beta: Double, phi: Double) -> ExponentialSmoothing {
        let base = ExponentialSmoothing(alpha: alpha, beta: beta, phi: phi, l0: 0, b0: 0).run(y).fitted
        let zeros = [Double](repeating: 0, count: y.count)
        let u = ExponentialSmoothing(alpha: alpha, beta: beta, phi: phi, l0: 1, b0: 0).run(zeros).fitted
        let v = ExponentialSmoothing(alpha: alpha, beta: beta, phi: phi, l0: 0, b0: 1).run(zeros).fitted
        var uu = 0.0, uv = 0.0, vv = 0.0, ur = 0.0, vr = 0.0
        for t in y.indices {
            let r = y[t] - base[t]
            uu += u[t] * u[t]; uv += u[t] * v[t]; vv += v[t] * v[t]
            ur += u[t] * r; vr += v[t] * r
        }
        let det = uu * vv - uv * uv
        if y.count >= 2, abs(det) > 1e-12 * Swift.max(uu * vv, 1e-300) {
            let l0 = (vv * ur - uv * vr) / det
            let b0 = (uu * vr - uv * ur) / det
            return ExponentialSmoothing(alpha: alpha, beta: beta, phi: phi, l0: l0, b0: b0)
        }
        // Degenerate: statsmodels' simple initialization.
        let l0 = y.first ?? 0
        let b0 = y.count >= 2 ? y[1] - y[0] : 0
        return ExponentialSmoothing(alpha: alpha, beta: beta, phi: phi, l0: l0, b0: b0)
    }

    static func clamp(_ x: Double, _ range: ClosedRange<Double>) -> Double {
        Swift.min(Swift.max(x, range.lowerBound), range.upperBound)
    }
}

/// A plain deterministic Nelder-Mead simplex minimizer.
enum NelderMead {
    struct Result { var point: [Double]; var value: Double }

    static func minimize(_ f: ([Double]) -> Double, start: [Double], step: Double,
                         maxIterations: Int = 2000, tolerance: Double = 1e-14) -> Result {
        let n = start.count
        var simplex: [[Double]] = [start]
        for i in 0..<n {
            var p = start
            p[i] += p[i] > 0.5 ? -step : step
            simplex.append(p)
        }
        var values = simplex.map(f)
        for _ in 0..<maxIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = abs(values[n] - values[0])
            var size = 0.0
            for p in simplex.dropFirst() { for i in 0..<n { size = Swift.max(size, abs(p[i] - simplex[0][i])) } }
            if spread <= tolerance * (1 + abs(values[0])) && size < 1e-9 { break }
            var centroid = [Double](repeating: 0, count: n)
            for p in simplex.dropLast() { for i in 0..<n { centroid[i] += p[i] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let fr = f(reflected)
            if fr < values[0] {
                let expanded = along(-2)
                let fe = f(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = f(contracted)
                if fc < Swift.min(fr, values[n]) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for j in 1...n {
                        simplex[j] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[j][$0] - simplex[0][$0]) }
                        values[j] = f(simplex[j])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return Result(point: simplex[best], value: values[best])
    }
}
