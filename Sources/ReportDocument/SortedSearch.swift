extension RandomAccessCollection where Index == Int {
    /// The first index whose key is at least `bound`, for a collection sorted by `key` (binary search).
    @inlinable
    public func firstIndex(notBefore bound: Int, key: (Element) -> Int) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if key(self[mid]) < bound { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
