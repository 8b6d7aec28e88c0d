/// Typed identities of the things a scenario names, so that the plan, the results and every
/// analysis table are keyed by what they describe rather than by bare integers shared between
/// parallel arrays.
///
/// Each identity is an index in the order the scenario defines the things (options in file
/// order; an option's tasks in schedule order; its lines as costs, then benefits, then risks;
/// uncertain inputs in the order the model numbers them). Identities are cheap `Int` wrappers:
/// they compare and hash as their index and cost nothing at run time.
public protocol TypedIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    var index: Int { get }
    init(_ index: Int)
}

extension TypedIndex {
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
    public var description: String { "\(Self.self)(\(index))" }
}

/// An option, in file order.
public struct OptionID: TypedIndex {
    public let index: Int
    public init(_ index: Int) { self.index = index }
}

/// An uncertain input: one distribution written in the file (docs/scenario-language.md §3).
public struct InputID: TypedIndex {
    public let index: Int
    public init(_ index: Int) { self.index = index }
}

/// A task of an option's timeline, in schedule (topological) order within its option.
public struct TaskID: TypedIndex {
    public let index: Int
    public init(_ index: Int) { self.index = index }
}

/// A line of an option: its cost lines, then its benefits, then its risks, in file order.
public struct LineID: TypedIndex {
    public let index: Int
    public init(_ index: Int) { self.index = index }
}

/// A scenario-level risk (`Scenario.risks`), in file order.
public struct SharedRiskID: TypedIndex {
    public let index: Int
    public init(_ index: Int) { self.index = index }
}

/// A named input within its list, in file order: the scenario's shared inputs, or one option's
/// own inputs.
public struct NamedInputID: TypedIndex {
    public let index: Int
    public init(_ index: Int) { self.index = index }
}

/// What a name in an expression refers to, resolved once by the model.
public enum InputReference: Sendable, Hashable {
    /// `Scenario.inputs[id]`.
    case shared(NamedInputID)
    /// `Option.inputs[id]` of the option the expression belongs to (for a criteria score, the
    /// option scored).
    case own(NamedInputID)
}

/// An array indexed by a typed identity: `table[id]` instead of `table[id.index]`, so a table of
/// inputs cannot be read with an option's index.
///
/// Complexity: subscripts are O(1); `ids` is a lazy range.
public struct IndexedArray<ID: TypedIndex, Element> {
    public var elements: [Element]
    public init(_ elements: [Element] = []) { self.elements = elements }
    public subscript(id: ID) -> Element {
        get { elements[id.index] }
        set { elements[id.index] = newValue }
    }
    /// `count` copies of `element`.
    public init(repeating element: Element, count: Int) { elements = Array(repeating: element, count: count) }
    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }
    public var first: Element? { elements.first }
    public var last: Element? { elements.last }
    /// The identity of the first element that satisfies `predicate`.
    public func firstID(where predicate: (Element) throws -> Bool) rethrows -> ID? {
        try elements.firstIndex(where: predicate).map(ID.init)
    }
    /// Every identity, in order.
    public var ids: LazyMapSequence<Range<Int>, ID> { (0..<elements.count).lazy.map(ID.init) }
    /// Appends `element` and returns its identity.
    @discardableResult
    public mutating func append(_ element: Element) -> ID {
        elements.append(element)
        return ID(elements.count - 1)
    }
    /// Identities paired with their elements, in order.
    public var enumerated: [(id: ID, element: Element)] {
        elements.enumerated().map { (ID($0.offset), $0.element) }
    }
}

extension IndexedArray: Sendable where Element: Sendable {}
extension IndexedArray: Equatable where Element: Equatable {}
extension IndexedArray: Hashable where Element: Hashable {}
extension IndexedArray: Sequence {
    public func makeIterator() -> IndexingIterator<[Element]> { elements.makeIterator() }
}
