/// The Pareto front of (cost, error) pairs: the points no other point beats on both at once.
public enum ParetoFront {
    /// Indices of the non-dominated points, ordered by increasing cost (ties: lower error first).
    public static func indices(_ points: [(cost: Double, error: Double)]) -> [Int] {
        let order = points.indices.sorted { (points[$0].cost, points[$0].error, $0) < (points[$1].cost, points[$1].error, $1) }
        var front: [Int] = []
        var bestError = Double.infinity
        for i in order where points[i].error < bestError {
            front.append(i)
            bestError = points[i].error
        }
        return front
    }
}
