"""All geometry lives here: characters → lines → paragraphs, ruled cells → logical tables,
pages → one document flow cut into sections. Section modules never touch coordinates."""
