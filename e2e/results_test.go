package e2e

// mermaidOutput is what mermaid-check.mjs prints.
type mermaidOutput struct {
	Results    []mermaidResult `json:"results"`
	Requests   []string        `json:"requests"`
	Dialogs    []string        `json:"dialogs"`
	PageErrors []string        `json:"pageErrors"`
}

type mermaidDiagram struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// mermaidResult is what Mermaid understood of one diagram.
type mermaidResult struct {
	Name          string         `json:"name"`
	Type          string         `json:"type"`
	Error         string         `json:"error"`
	Config        map[string]any `json:"config"`
	ConfigChanged bool           `json:"configChanged"`
	Rendered      bool           `json:"rendered"`
	SVGText       string         `json:"svgText"`
	SVGScripts    int            `json:"svgScripts"`
	Journey       *mmdJourney    `json:"journey"`
	Flowchart     *mmdFlowchart  `json:"flowchart"`
	// ShownNodes and ShownClusters are the flowchart labels as drawn in the
	// SVG, by node and subgraph id.
	ShownNodes    map[string]string `json:"shownNodes"`
	ShownClusters map[string]string `json:"shownClusters"`
}

type mmdJourney struct {
	Title    string    `json:"title"`
	AccTitle string    `json:"accTitle"`
	AccDescr string    `json:"accDescr"`
	Sections []string  `json:"sections"`
	Tasks    []mmdTask `json:"tasks"`
}

type mmdTask struct {
	Section string   `json:"section"`
	Task    string   `json:"task"`
	Score   any      `json:"score"`
	People  []string `json:"people"`
}

type mmdFlowchart struct {
	Title     string        `json:"title"`
	AccTitle  string        `json:"accTitle"`
	AccDescr  string        `json:"accDescr"`
	Nodes     []mmdNode     `json:"nodes"`
	Subgraphs []mmdSubgraph `json:"subgraphs"`
	Edges     []mmdEdge     `json:"edges"`
	Classes   []string      `json:"classes"`
}

type mmdNode struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	LabelType string `json:"labelType"`
	Link      string `json:"link"`
}

type mmdSubgraph struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Nodes []string `json:"nodes"`
}

type mmdEdge struct {
	Start string `json:"start"`
	End   string `json:"end"`
	Label string `json:"label"`
}

// htmlOutput is what html-check.mjs prints.
type htmlOutput struct {
	Results []htmlResult `json:"results"`
}

type htmlPage struct {
	Name        string `json:"name"`
	File        string `json:"file,omitempty"`
	HTML        string `json:"html,omitempty"`
	Screenshots bool   `json:"screenshots,omitempty"`
	PDF         bool   `json:"pdf,omitempty"`
}

type htmlManifest struct {
	Artifacts string     `json:"artifacts,omitempty"`
	Pages     []htmlPage `json:"pages"`
}

// htmlResult is what happened when Chromium loaded one page.
type htmlResult struct {
	Name       string         `json:"name"`
	Error      string         `json:"error"`
	Requests   []string       `json:"requests"`
	Dialogs    []string       `json:"dialogs"`
	PageErrors []string       `json:"pageErrors"`
	Console    []string       `json:"console"`
	Scripts    []parsedScript `json:"scripts"`
	Pwned      bool           `json:"pwned"`
	Risky      []string       `json:"risky"`
	Violations []axeViolation `json:"violations"`
	Text       string         `json:"text"`
	Phone      phoneResult    `json:"phone"` // the same page at 390 px
	Artifacts  []string       `json:"artifacts"`
	Phases     map[string]int `json:"phases"`
}

// phoneResult is what a 390 px wide viewport showed.
type phoneResult struct {
	Text       string         `json:"text"`
	Violations []axeViolation `json:"violations"`
}

type parsedScript struct {
	URL    string `json:"url"`
	Length int    `json:"length"`
	Start  string `json:"start"`
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// schemaOutput is what schema-check.mjs prints.
type schemaOutput struct {
	CompileErrors map[string]string `json:"compileErrors"`
	Results       []schemaResult    `json:"results"`
}

type schemaFile struct {
	File   string `json:"file"`
	Schema string `json:"schema"`
}

type schemaResult struct {
	File   string        `json:"file"`
	Schema string        `json:"schema"`
	Valid  bool          `json:"valid"`
	Errors []schemaError `json:"errors"`
}

type schemaError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}
