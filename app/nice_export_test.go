package app

// ThreadNice is threadNice, for the tests of package app_test.
var ThreadNice = threadNice
