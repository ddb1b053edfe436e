package indicators

import "testing"

func BenchmarkFitTrend(b *testing.B) {
	years := []int{2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	vals := []float64{45.06, 46.54, 45.45, 45.99, 45.59, 47.18, 45.89, 49.72, 48.28, 45.87, 41.11}
	b.ReportAllocs()
	for b.Loop() {
		FitTrend(years, vals)
	}
}

func BenchmarkSpearman(b *testing.B) {
	x := make([]float64, 200)
	y := make([]float64, 200)
	for i := range x {
		x[i] = float64((i * 37) % 101)
		y[i] = float64((i * 53) % 97)
	}
	b.ReportAllocs()
	for b.Loop() {
		Spearman(x, y)
	}
}
