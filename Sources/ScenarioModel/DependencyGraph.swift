/// Cycle finding and stable topological ordering over named nodes (inputs, tasks).
///
/// Both algorithms are iterative (no recursion), so deep chains cannot overflow the stack.
/// `edges[a]` lists the nodes `a` points to; names not in `nodes` are ignored.
struct DependencyGraph {
    var nodes: [String]
    var edges: [String: [String]]

    /// Cycles, each written as a closed path `[a, b, ..., a]` starting at the earliest node (in
    /// `nodes` order) of the cycle. A node is reported in at most one cycle; the path is the
    /// shortest one back to its first node (breadth-first search).
    func cycles() -> [[String]] {
        let known = Set(nodes)
        var reported = Set<String>()
        var result: [[String]] = []
        for origin in nodes where !reported.contains(origin) {
            var parent: [String: String] = [:]
            var queue: [String] = []
            var head = 0
            var closing: String?
            for next in edges[origin] ?? [] where known.contains(next) {
                if next == origin {
                    closing = origin
                    break
                }
                if parent[next] == nil {
                    parent[next] = origin
                    queue.append(next)
                }
            }
            while closing == nil, head < queue.count {
                let node = queue[head]
                head += 1
                for next in edges[node] ?? [] where known.contains(next) {
                    if next == origin {
                        closing = node
                        break
                    }
                    if parent[next] == nil, next != origin {
                        parent[next] = node
                        queue.append(next)
                    }
                }
            }
            guard let last = closing else { continue }
            var path = [origin]
            var node = last
            var reversed: [String] = []
            while node != origin, reversed.count <= nodes.count {
                reversed.append(node)
                guard let p = parent[node] else { break }
                node = p
            }
            path += reversed.reversed()
            path.append(origin)
            if path.dropLast().contains(where: { reported.contains($0) }) { continue }
            reported.formUnion(path)
            result.append(path)
        }
        return result
    }

    /// Nodes ordered so that every node comes after the nodes that point to it (`edges[a]`
    /// contains `b` means `a` comes before `b`). Among nodes that are ready, the earliest in
    /// `nodes` order goes first; nodes caught in a cycle are appended in `nodes` order.
    func topologicalOrder() -> [String] {
        let known = Set(nodes)
        var waiting: [String: Int] = [:]
        for n in nodes { waiting[n] = 0 }
        for n in nodes {
            for m in Set(edges[n] ?? []) where known.contains(m) { waiting[m, default: 0] += 1 }
        }
        var placed = Set<String>()
        var order: [String] = []
        var progress = true
        while progress {
            progress = false
            for n in nodes where !placed.contains(n) && waiting[n] == 0 {
                placed.insert(n)
                order.append(n)
                progress = true
                for m in Set(edges[n] ?? []) where known.contains(m) { waiting[m, default: 0] -= 1 }
                break
            }
        }
        for n in nodes where !placed.contains(n) { order.append(n) }
        return order
    }
}
