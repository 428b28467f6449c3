/**
 * The web side of the kernel shared by every module: problem details for the API,
 * friendly error pages, the language and time-zone of the request, the layout's
 * navigation.
 */
@org.springframework.modulith.NamedInterface("web")
package org.yunwei.platform.web;
