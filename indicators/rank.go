package indicators

import "sort"

// CompetitionRanks ranks values from best to worst in the given direction:
// the best gets 1 and tied values share the lowest rank of their group
// ("1224" ranking), as publishers do when they rank.
func CompetitionRanks(values []float64, dir Direction) []int {
	idx := make([]int, len(values))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return dir.Better(values[idx[a]], values[idx[b]]) })
	ranks := make([]int, len(values))
	for pos, i := range idx {
		if pos > 0 && values[idx[pos-1]] == values[i] {
			ranks[i] = ranks[idx[pos-1]]
		} else {
			ranks[i] = pos + 1
		}
	}
	return ranks
}
