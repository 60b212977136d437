package org.iotb.firmware.elf;

/** RELRO level as checksec names it. */
public enum Relro { NO, PARTIAL, FULL }
