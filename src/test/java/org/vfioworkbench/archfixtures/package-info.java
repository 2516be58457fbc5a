/**
 * Small deliberately broken projects, one per architecture rule, each laid out with the product's
 * role packages below its own root ({@code archfixtures.layers.host…}). {@code
 * ArchitectureFixturesTest} proves every rule in {@code ArchitectureRules} finds its fixture's
 * violation, and that a correct little project ({@code clean}) breaks none. Never used by the
 * product.
 */
package org.vfioworkbench.archfixtures;
