/**
 * {@code iotb serve}: the web workspace. Pages and the {@code /api/v1} REST API are two faces on the one
 * {@link org.iotb.store.workspace.Workspace} service of iotb-store; neither reaches the database or the file system
 * on its own.
 */
package org.iotb.server;
