package main

import "github.com/journeymap/journeymap/i18n"

// languages returns the tags of the languages package i18n speaks ("en",
// "vi"), the values a -lang flag accepts.
func languages() []string {
	var tags []string
	for _, l := range i18n.Languages() {
		tags = append(tags, l.String())
	}
	return tags
}
