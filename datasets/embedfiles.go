package datasets

// The embedded indicator files, each as a string so that the store reads
// them in place: embed.FS.ReadFile would copy all 7 MB at the first
// query, which was most of a cold "rankings compare". TestEmbeddedFiles
// checks that this list matches datasets/data.

import _ "embed"

//go:embed data/fh-cl.csv
var fileFhCl string

//go:embed data/fh-cl-rating.csv
var fileFhClRating string

//go:embed data/fh-electoral.csv
var fileFhElectoral string

//go:embed data/fh-fiw.csv
var fileFhFiw string

//go:embed data/fh-fotp.csv
var fileFhFotp string

//go:embed data/fh-pr.csv
var fileFhPr string

//go:embed data/fh-pr-rating.csv
var fileFhPrRating string

//go:embed data/rsf.csv
var fileRsf string

//go:embed data/rsf-economic.csv
var fileRsfEconomic string

//go:embed data/rsf-legal.csv
var fileRsfLegal string

//go:embed data/rsf-political.csv
var fileRsfPolitical string

//go:embed data/rsf-safety.csv
var fileRsfSafety string

//go:embed data/rsf-social.csv
var fileRsfSocial string

//go:embed data/ti-cpi.csv
var fileTiCpi string

//go:embed data/vdem-altinf.csv
var fileVdemAltinf string

//go:embed data/vdem-civlib.csv
var fileVdemCivlib string

//go:embed data/vdem-corr.csv
var fileVdemCorr string

//go:embed data/vdem-elfrfair.csv
var fileVdemElfrfair string

//go:embed data/vdem-frefair.csv
var fileVdemFrefair string

//go:embed data/vdem-libdem.csv
var fileVdemLibdem string

//go:embed data/vdem-polyarchy.csv
var fileVdemPolyarchy string

//go:embed data/vdem-rule.csv
var fileVdemRule string

//go:embed data/wgi-cc.csv
var fileWgiCc string

//go:embed data/wgi-ge.csv
var fileWgiGe string

//go:embed data/wgi-pv.csv
var fileWgiPv string

//go:embed data/wgi-rl.csv
var fileWgiRl string

//go:embed data/wgi-rq.csv
var fileWgiRq string

//go:embed data/wgi-va.csv
var fileWgiVa string

//go:embed data/wjp.csv
var fileWjp string

//go:embed data/wjp-f1.csv
var fileWjpF1 string

//go:embed data/wjp-f2.csv
var fileWjpF2 string

//go:embed data/wjp-f3.csv
var fileWjpF3 string

//go:embed data/wjp-f4.csv
var fileWjpF4 string

//go:embed data/wjp-f5.csv
var fileWjpF5 string

//go:embed data/wjp-f6.csv
var fileWjpF6 string

//go:embed data/wjp-f7.csv
var fileWjpF7 string

//go:embed data/wjp-f8.csv
var fileWjpF8 string

// embeddedFiles maps a file name in datasets/data to its contents.
var embeddedFiles = map[string]string{
	"fh-cl.csv":          fileFhCl,
	"fh-cl-rating.csv":   fileFhClRating,
	"fh-electoral.csv":   fileFhElectoral,
	"fh-fiw.csv":         fileFhFiw,
	"fh-fotp.csv":        fileFhFotp,
	"fh-pr.csv":          fileFhPr,
	"fh-pr-rating.csv":   fileFhPrRating,
	"rsf.csv":            fileRsf,
	"rsf-economic.csv":   fileRsfEconomic,
	"rsf-legal.csv":      fileRsfLegal,
	"rsf-political.csv":  fileRsfPolitical,
	"rsf-safety.csv":     fileRsfSafety,
	"rsf-social.csv":     fileRsfSocial,
	"ti-cpi.csv":         fileTiCpi,
	"vdem-altinf.csv":    fileVdemAltinf,
	"vdem-civlib.csv":    fileVdemCivlib,
	"vdem-corr.csv":      fileVdemCorr,
	"vdem-elfrfair.csv":  fileVdemElfrfair,
	"vdem-frefair.csv":   fileVdemFrefair,
	"vdem-libdem.csv":    fileVdemLibdem,
	"vdem-polyarchy.csv": fileVdemPolyarchy,
	"vdem-rule.csv":      fileVdemRule,
	"wgi-cc.csv":         fileWgiCc,
	"wgi-ge.csv":         fileWgiGe,
	"wgi-pv.csv":         fileWgiPv,
	"wgi-rl.csv":         fileWgiRl,
	"wgi-rq.csv":         fileWgiRq,
	"wgi-va.csv":         fileWgiVa,
	"wjp.csv":            fileWjp,
	"wjp-f1.csv":         fileWjpF1,
	"wjp-f2.csv":         fileWjpF2,
	"wjp-f3.csv":         fileWjpF3,
	"wjp-f4.csv":         fileWjpF4,
	"wjp-f5.csv":         fileWjpF5,
	"wjp-f6.csv":         fileWjpF6,
	"wjp-f7.csv":         fileWjpF7,
	"wjp-f8.csv":         fileWjpF8,
}
