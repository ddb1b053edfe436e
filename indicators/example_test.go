package indicators_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/rankings-dev/rankings/indicators"
)

func ExampleCountry_DisplayName() {
	kgz := indicators.Country{ISO3: "KGZ", ISO2: "KG", Name: "Kyrgyzstan", NameRU: "Кыргызстан", Kind: indicators.KindCountry}
	for _, lang := range []language.Tag{language.English, language.Russian, language.MustParse("ru-KZ"), language.German} {
		fmt.Printf("%s: %s\n", lang, kgz.DisplayName(lang))
	}
	// Output:
	// en: Kyrgyzstan
	// ru: Кыргызстан
	// ru-KZ: Кыргызстан
	// de: Kyrgyzstan
}

func ExampleFitTrend() {
	// Kazakhstan's RSF scores, editions 2022–2025 (one methodology).
	f := indicators.FitTrend([]int{2022, 2023, 2024, 2025}, []float64{48.28, 45.87, 41.11, 39.34})
	fmt.Printf("slope %.2f points/year, 95%% CI [%.2f, %.2f], R² %.2f, n=%d\n", f.Slope, f.CILow, f.CIHigh, f.RSquared, f.N)
	// Output: slope -3.16 points/year, 95% CI [-4.84, -1.48], R² 0.97, n=4
}

func ExampleSpearman() {
	press := []float64{89.46, 39.34, 24.57, 19.14} // RSF 2025: EST, KAZ, RUS, TKM
	democ := []float64{0.895, 0.284, 0.190, 0.150} // V-Dem polyarchy 2023
	rho, n := indicators.Spearman(press, democ)
	fmt.Printf("rho %.2f over %d countries\n", rho, n)
	// Output: rho 1.00 over 4 countries
}

func ExampleCompetitionRanks() {
	// Freedom House ratings: 1 is most free; ties share the lowest rank.
	fmt.Println(indicators.CompetitionRanks([]float64{7, 1, 3, 1}, indicators.LowerIsBetter))
	// Output: [4 1 3 1]
}

func ExampleIndicator_SameSegment() {
	rsf, _ := indicators.Lookup("rsf")
	fmt.Println(rsf.SameSegment(2015, 2021), rsf.SameSegment(2021, 2022))
	// Output: true false
}
