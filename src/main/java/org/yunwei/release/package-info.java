/**
 * Release management (8.3.7): releases of a type under the release policy (major, minor,
 * emergency — each with the environments its tests must pass in, whether acceptance is
 * required, and its early-life support period), grouping changes; release, build and test
 * plans, acceptance criteria and rollback plan; test results per environment;
 * authorisation, refused while a test has failed; the deployment log per environment and
 * whether the rollback was used; early-life support; periodic release reviews with
 * findings and improvements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Release")
package org.yunwei.release;
